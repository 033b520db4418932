import { readFile } from 'node:fs/promises'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { request } from '@chathooks/core/testing'

/** Every Viber event with its sample builder, in the order Viber documents them. */
export const BUILDERS = [
  ['webhook', testing.viber.webhook],
  ['subscribed', testing.viber.subscribed],
  ['unsubscribed', testing.viber.unsubscribed],
  ['conversation_started', testing.viber.conversationStarted],
  ['message', testing.viber.message],
  ['delivered', testing.viber.delivered],
  ['seen', testing.viber.seen],
  ['failed', testing.viber.failed],
] as const

/** The token of Viber's own published signature vector; the fixtures are signed with it. */
export const AUTH_TOKEN = '44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3'

/** A fixture's exact bytes and the signature openssl computed over them (the `.sig` beside it). */
export async function fixture(name: string): Promise<{ body: Uint8Array; signature: string }> {
  const url = new URL(`../../fixtures/viber/${name}`, import.meta.url)
  const body = new Uint8Array(await readFile(url))
  const signature = (await readFile(new URL(`${url.href}.sig`), 'utf8')).trim()
  return { body, signature }
}

/** A fixture as Viber would post it, signed in the header with its stored signature. */
export async function fixtureRequest(name: string): Promise<WebhookRequest> {
  const { body, signature } = await fixture(name)
  return request({ body, headers: { 'X-Viber-Content-Signature': signature } })
}
