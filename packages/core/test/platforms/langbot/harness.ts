import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { createWebhook, type WebhookOptions, type WebhookRequest } from '@chathooks/core'
import {
  type CallbackPayload,
  callbackReceiver,
  type HttpBotOptions,
  httpBot,
} from '@chathooks/core/langbot'
import { type Served, serve } from '../../support/serve.ts'

export const SECRET = 'SHARED_SECRET'
export const OUTBOUND = 'outbound-secret'
/** The clock of the fixtures' signatures: 2024-06-10T06:13:20Z. */
export const FIXTURE_NOW = 1_718_000_000_000

/** A fixture's exact bytes and the signature an independent tool computed for it. */
export async function fixture(name: string): Promise<{ body: Uint8Array; signature: string }> {
  const at = (file: string) => new URL(`../../fixtures/langbot/${file}`, import.meta.url)
  const body = new Uint8Array(await readFile(at(`${name}.json`)))
  const signature = (await readFile(at(`${name}.sig`), 'utf8')).trim()
  return { body, signature }
}

/** What the scripted receiver does with one attempt before the webhook sees it. */
export type Action = 'pass' | 'delay' | 'destroy' | number

/** One attempt as it reached the receiver's socket. */
export interface Attempt {
  readonly text: string
  readonly timestamp: string | undefined
  readonly signature: string | undefined
  readonly part: CallbackPayload
  readonly action: Action
}

export interface Receiver {
  readonly url: string
  /** Every attempt, in arrival order, once the script has decided it. */
  readonly attempts: Attempt[]
  /** Every attempt's part the moment it arrived, before the script decides. */
  readonly arrived: CallbackPayload[]
  /** What the `reply` handler saw: each part after the receiver accepted it. */
  readonly parts: CallbackPayload[]
  close(): Promise<void>
}

/**
 * A real `callbackReceiver` on 127.0.0.1 behind a script: for each attempt `script` says
 * whether it reaches the receiver (`'pass'`), is answered with a status, reaches it only
 * after `delayMs` (past the bot's timeout), or has its connection destroyed.
 */
export async function receiver(
  script: (part: CallbackPayload, attempt: number) => Action | Promise<Action> = () => 'pass',
  { delayMs = 150, secret = OUTBOUND }: { delayMs?: number; secret?: string } = {},
): Promise<Receiver> {
  const attempts: Attempt[] = []
  const arrived: CallbackPayload[] = []
  const parts: CallbackPayload[] = []
  const seen = new Map<string, number>()
  const webhook = createWebhook(callbackReceiver({ secret })).on('reply', ({ payload }) => {
    parts.push(payload)
  })
  const intercept = async (request: WebhookRequest, response: ServerResponse) => {
    const text = new TextDecoder().decode(request.body)
    const part = JSON.parse(text) as CallbackPayload
    const key = `${part.session_id}:${part.sequence}:${part.reply_to}`
    const attempt = (seen.get(key) ?? 0) + 1
    seen.set(key, attempt)
    arrived.push(part)
    const action = await script(part, attempt)
    const header = (name: string) => request.headers[name] as string | undefined
    attempts.push({
      text,
      timestamp: header('x-lb-timestamp'),
      signature: header('x-lb-signature'),
      part,
      action,
    })
    if (action === 'destroy') response.socket?.destroy()
    else if (typeof action === 'number') response.writeHead(action).end()
    else if (action === 'delay') await new Promise((resolve) => setTimeout(resolve, delayMs))
    return typeof action !== 'string' || action === 'destroy'
  }
  const served: Served = await serve(webhook, intercept)
  return { url: `${served.url}/`, attempts, arrived, parts, close: () => served.close() }
}

/** The bot end with test-sized delays; every report is collected instead of logged. */
export function bot(
  options: Partial<HttpBotOptions> & Pick<HttpBotOptions, 'callbackUrl'>,
  webhookOptions: WebhookOptions = {},
) {
  const errors: unknown[] = []
  const webhook = createWebhook(
    httpBot({
      inboundSecret: SECRET,
      outboundSecret: OUTBOUND,
      callbackTimeoutMs: 100,
      retryDelayMs: 1,
      maxRetryDelayMs: 4,
      ...options,
    }),
    webhookOptions,
  ).onError((error) => {
    errors.push(error)
  })
  return { webhook, errors }
}

/** The text of a part's segments, for assertions that do not care about the wire. */
export const textOf = (part: { readonly message: readonly { type: string }[] }): string =>
  part.message.map((segment) => ('text' in segment ? segment.text : `[${segment.type}]`)).join('')

/** A promise and its resolver, to hold a handler or a receiver until a test releases it. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => undefined
  const promise = new Promise<T>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

/** An unused callback URL for tests that never let a part leave. */
export const NOWHERE = 'http://127.0.0.1:9/callback'
