import { assertKnownOptions } from '../../internal/options.ts'
import { ViberApiError } from './api-error.ts'
import { toMessageBody, type ViberMessage } from './message.ts'
import { parseKeepingNumberText } from './parse.ts'

/** The part of `fetch` the client uses, so a wrapper (retries, timeouts, a proxy) fits. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface ViberClientOptions {
  /** The bot's auth token, sent as `X-Viber-Auth-Token`. */
  readonly authToken: string
  /** Default `https://chatapi.viber.com/pa`; tests point it at a local server. */
  readonly baseUrl?: string | undefined
  /** Default the global `fetch`. */
  readonly fetch?: FetchLike | undefined
}

/** A message for one user: `receiver` is the id from `sender.id` or `user.id` of a callback. */
export type SendMessageInput = ViberMessage & { readonly receiver: string }

/** Viber's answer to a sent message; `message_token` is exact, as a string. */
export interface SendMessageResult {
  readonly status: 0
  readonly status_message: string
  readonly message_token: string
  readonly chat_hostname?: string | undefined
  readonly billing_status?: number | undefined
  readonly [field: string]: unknown
}

/** The callbacks `set_webhook` can subscribe to; `message` and `webhook` always come. */
export type ViberWebhookEventType =
  | 'delivered'
  | 'seen'
  | 'failed'
  | 'subscribed'
  | 'unsubscribed'
  | 'conversation_started'

export interface SetWebhookInput {
  /** The HTTPS URL Viber posts callbacks to; an empty string removes the webhook. */
  readonly url: string
  readonly event_types?: readonly ViberWebhookEventType[] | undefined
  readonly send_name?: boolean | undefined
  readonly send_photo?: boolean | undefined
}

export interface SetWebhookResult {
  readonly status: 0
  readonly status_message: string
  readonly event_types?: readonly string[] | undefined
  readonly [field: string]: unknown
}

/** A thin typed client for the Viber REST Bot API calls a webhook handler needs. */
export interface ViberClient {
  /** POSTs `send_message`; rejects with a `ViberApiError`, or a `TypeError` for a malformed message. */
  sendMessage(message: SendMessageInput): Promise<SendMessageResult>
  /** POSTs `set_webhook`; Viber then checks the URL with a `webhook` callback. */
  setWebhook(input: SetWebhookInput): Promise<SetWebhookResult>
}

const DEFAULT_BASE_URL = 'https://chatapi.viber.com/pa'

/**
 * Creates a client for Viber's REST Bot API. Every call is a JSON POST to `${baseUrl}/<method>`
 * with the token in `X-Viber-Auth-Token` (never in the body); the answer is parsed keeping
 * `message_token` exact. A non-zero Viber `status` rejects with `ViberApiError` `viber_status`,
 * an answer that is not Viber's JSON with `invalid_response`, a failed request with
 * `network_error`. Options: `authToken` (required), `baseUrl` (`https://chatapi.viber.com/pa`),
 * `fetch` (the global one).
 *
 * @throws TypeError when `authToken` is missing, `baseUrl` is not an http(s) URL, `fetch` is not
 * a function, or an option is unknown.
 * @example
 * ```ts
 * const client = createViberClient({ authToken: process.env.VIBER_AUTH_TOKEN! })
 * webhook.on('subscribed', async ({ payload }) => {
 *   await client.sendMessage({ receiver: payload.user.id, sender: { name: 'Bot' }, text: 'Welcome!' })
 * })
 * ```
 */
export function createViberClient(options: ViberClientOptions): ViberClient {
  if (typeof options !== 'object' || options === null) throw missingToken()
  assertKnownOptions('createViberClient', options, ['authToken', 'baseUrl', 'fetch'])
  const { authToken } = options
  if (typeof authToken !== 'string' || authToken.length === 0) throw missingToken()
  const baseUrl = toBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
  const send: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init))
  if (typeof send !== 'function') {
    throw new TypeError('createViberClient: option "fetch" must be a function')
  }
  const call = (endpoint: string, body: object) =>
    post({ send, url: `${baseUrl}/${endpoint}`, endpoint, authToken, body })

  return {
    async sendMessage(message) {
      const body = toMessageBody('sendMessage', message)
      if (typeof body.receiver !== 'string' || body.receiver.length === 0) {
        throw new TypeError('sendMessage: field "receiver" is required: a Viber user id')
      }
      const answer = await call('send_message', body)
      if (typeof answer.message_token !== 'string') {
        const text = "Viber's send_message answered without a message_token"
        throw new ViberApiError('invalid_response', 'send_message', text)
      }
      return answer as SendMessageResult
    },
    async setWebhook(input) {
      if (typeof input !== 'object' || input === null || typeof input.url !== 'string') {
        throw new TypeError(
          'setWebhook: field "url" is required: the webhook URL, or "" to remove it',
        )
      }
      return (await call('set_webhook', input)) as SetWebhookResult
    },
  }
}

interface Call {
  readonly send: FetchLike
  readonly url: string
  readonly endpoint: string
  readonly authToken: string
  readonly body: object
}

/** One API call: its answer when Viber's `status` is 0, else the `ViberApiError` for it. */
async function post(call: Call): Promise<Record<string, unknown>> {
  const { endpoint, authToken } = call
  let response: Response
  let text: string
  try {
    response = await call.send(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-viber-auth-token': authToken },
      body: JSON.stringify(call.body),
    })
    text = await response.text()
  } catch (cause) {
    throw new ViberApiError('network_error', endpoint, `Viber's ${endpoint} could not be reached`, {
      cause,
    })
  }
  const httpStatus = response.status
  const answer = parseAnswer(text)
  if (answer === undefined) {
    const message = `Viber's ${endpoint} answered HTTP ${httpStatus} without its JSON status`
    throw new ViberApiError('invalid_response', endpoint, message, { httpStatus })
  }
  if (answer.status !== 0) {
    const said = answer.status_message
    // Viber's own words are kept, but never with the token in them.
    const statusMessage =
      typeof said === 'string' ? said.split(authToken).join('[auth token]') : undefined
    const message = `Viber's ${endpoint} failed with status ${answer.status} (${statusMessage ?? 'no message'})`
    throw new ViberApiError('viber_status', endpoint, message, {
      status: answer.status,
      statusMessage,
      httpStatus,
    })
  }
  if (!response.ok) {
    const message = `Viber's ${endpoint} answered status 0 with HTTP ${httpStatus}`
    throw new ViberApiError('invalid_response', endpoint, message, { httpStatus })
  }
  return answer
}

/** Viber's JSON answer with a numeric `status`, or `undefined` for anything else. */
function parseAnswer(text: string): (Record<string, unknown> & { status: number }) | undefined {
  let value: unknown
  try {
    value = parseKeepingNumberText(text, 'message_token')
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { status } = value as { status?: unknown }
  return typeof status === 'number'
    ? (value as Record<string, unknown> & { status: number })
    : undefined
}

function toBaseUrl(value: unknown): string {
  const protocol = typeof value === 'string' && URL.canParse(value) ? new URL(value).protocol : ''
  if (typeof value !== 'string' || (protocol !== 'https:' && protocol !== 'http:')) {
    throw new TypeError('createViberClient: option "baseUrl" must be an http(s) URL')
  }
  return value.replace(/\/+$/, '')
}

function missingToken(): TypeError {
  return new TypeError('createViberClient: option "authToken" is required: a non-empty string')
}
