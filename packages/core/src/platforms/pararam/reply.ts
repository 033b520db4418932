import { jsonResponse, type WebhookResponse } from '../../request.ts'

/** A reply pararam publishes as the bot's post in the chat it came from. */
export interface PararamTextReply {
  readonly text: string
}

/**
 * What a pararam handler may return: a string (published as a post, like `reply.text`), or
 * any JSON object, sent as it is. Returning nothing lets the next handler try.
 */
export type PararamReply = string | PararamTextReply | { readonly [field: string]: unknown }

/** The reply builders, so a handler never writes pararam's JSON by hand. */
export interface PararamReplies {
  /** `{ "text": text }`: pararam publishes it as the bot's post. */
  text(text: string): PararamTextReply
}

/**
 * Typed builders for a handler's return value; `reply.text(t)` answers `200 {"text": t}`, which
 * pararam publishes as the bot's post in the chat.
 *
 * @throws TypeError from `reply.text` when the text is not a string.
 * @example
 * ```ts
 * webhook.on('message', ({ payload }) => reply.text(`You said: ${payload.text}`))
 * ```
 */
export const reply: PararamReplies = {
  text(text) {
    if (typeof text !== 'string') throw new TypeError('reply.text: the text must be a string')
    return { text }
  },
}

/** Encodes a handler's value: a string as `{"text": ...}`, an object as its JSON, status 200. */
export function encodeReply(value: PararamReply): WebhookResponse {
  return jsonResponse(200, typeof value === 'string' ? { text: value } : value)
}
