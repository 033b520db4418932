import { readFile } from 'node:fs/promises'
import type { WebhookRequest } from '@chathooks/core'
import { type ClustaarOptions, clustaar } from '@chathooks/core/clustaar'
import { request } from '@chathooks/core/testing'

/** The clock of every test: the fixtures' `Date`, `Mon, 10 Jun 2024 06:13:20 GMT`. */
export const NOW = 1_718_000_000_000
export const DATE = 'Mon, 10 Jun 2024 06:13:20 GMT'
/** The key the fixtures' `.sig` files were computed with, by openssl. */
export const KEY = 'clustaar-fixture-private-key'
export const clock = () => NOW

/** A preset with the fixtures' key and the test clock, plus whatever a test changes. */
export const preset = (options: Partial<ClustaarOptions> = {}) =>
  clustaar({ privateKey: KEY, now: clock, ...options })

const folder = new URL('../../fixtures/clustaar/', import.meta.url)

/** A fixture's exact bytes. */
export const fixture = (name: string): Promise<Uint8Array> =>
  readFile(new URL(`${name}.json`, folder)).then((bytes) => new Uint8Array(bytes))

/** The signature openssl computed for a fixture. */
export const signatureOf = async (name: string): Promise<string> =>
  (await readFile(new URL(`${name}.sig`, folder), 'utf8')).trim()

/** A fixture as Clustaar would send it: its bytes, the fixtures' Date and openssl's signature. */
export async function fixtureRequest(
  name: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<WebhookRequest> {
  return request({
    body: await fixture(name),
    headers: {
      'content-type': 'application/json',
      date: DATE,
      'x-hub-signature': await signatureOf(name),
      ...headers,
    },
  })
}

/** A copy of a request with headers replaced, or removed where the value is `undefined`. */
export function withHeaders(
  req: WebhookRequest,
  headers: Readonly<Record<string, string | undefined>>,
): WebhookRequest {
  const merged: Record<string, string | readonly string[] | undefined> = { ...req.headers }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete merged[name]
    else merged[name] = value
  }
  return { ...req, headers: merged }
}

/** `Authorization` for basic auth, encoded as a client encodes it (UTF-8, then Base64). */
export const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`
