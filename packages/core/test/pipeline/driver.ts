import {
  type FetchOptions,
  secretToken,
  type WebhookRequest,
  type WebhookResponse,
} from '@chathooks/core'
import { toRequest } from '@chathooks/core/testing'

/** What a caller of either entry point notices. */
export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  readonly json: unknown
}

/** The two entry points every webhook has; their generics do not matter here. */
export interface Entry {
  handle(request: WebhookRequest, options?: FetchOptions): Promise<WebhookResponse>
  fetch(request: Request, options?: FetchOptions): Promise<Response>
}

export type Send = (
  webhook: Entry,
  request: WebhookRequest,
  options?: FetchOptions,
) => Promise<Answer>

const decoder = new TextDecoder()

function answer(status: number, headers: Record<string, string>, text: string): Answer {
  return { status, headers, text, json: text === '' ? undefined : JSON.parse(text) }
}

const viaHandle: Send = async (webhook, request, options) => {
  const response = await webhook.handle(request, options)
  const text = typeof response.body === 'string' ? response.body : decoder.decode(response.body)
  return answer(response.status, { ...response.headers }, text)
}

// The same request as a Web `Request`; `remoteAddress` moves to fetch's options, where a
// runtime passes it.
const viaFetch: Send = async (webhook, request, options) => {
  const extra = request.remoteAddress === undefined ? {} : { remoteAddress: request.remoteAddress }
  const response = await webhook.fetch(toRequest(request), { ...extra, ...options })
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  return answer(response.status, headers, await response.text())
}

/** For `describe.each(entries)`: each case runs once through `handle` and once through `fetch`. */
export const entries: readonly (readonly [string, Send])[] = [
  ['handle', viaHandle],
  ['fetch', viaFetch],
]

export const TOKEN = 'pipeline-test-token'
/** A cheap verifier for tests whose subject is not verification. */
export const verify = secretToken({ header: 'X-Token', token: TOKEN })
/** Headers that pass `verify`. */
export const SIGNED: Readonly<Record<string, string>> = { 'x-token': TOKEN }
