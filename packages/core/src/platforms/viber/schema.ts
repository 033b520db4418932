import { z } from 'zod'
import type { StandardSchema } from '../../schema.ts'

// The types are written out and every schema is checked against its type: isolatedDeclarations
// cannot publish a type inferred from an unannotated schema.

/** A Viber user as callbacks describe one: a message's `sender`, a subscription's `user`. */
export interface ViberUser {
  readonly id: string
  readonly name: string
  readonly avatar?: string | undefined
  readonly country?: string | undefined
  readonly language?: string | undefined
  readonly api_version?: number | undefined
  readonly [field: string]: unknown
}

export interface ViberContact {
  readonly name?: string | undefined
  readonly phone_number?: string | undefined
  readonly [field: string]: unknown
}

export interface ViberLocation {
  readonly lat: number
  readonly lon: number
  readonly [field: string]: unknown
}

/** A message a user sent the bot; `type` is text, picture, video, file, sticker, contact, url, location… */
export interface ViberIncomingMessage {
  readonly type: string
  readonly text?: string | undefined
  readonly media?: string | undefined
  readonly thumbnail?: string | undefined
  readonly file_name?: string | undefined
  readonly size?: number | undefined
  readonly duration?: number | undefined
  readonly sticker_id?: number | undefined
  readonly contact?: ViberContact | undefined
  readonly location?: ViberLocation | undefined
  readonly tracking_data?: string | undefined
  readonly [field: string]: unknown
}

/** What every callback has. `message_token` is a 64-bit integer, given exactly as a string. */
export interface ViberPayload {
  readonly event: string
  readonly timestamp?: number | undefined
  readonly message_token?: string | undefined
  readonly chat_hostname?: string | undefined
  readonly [field: string]: unknown
}

/** The availability check Viber sends right after `set_webhook`. */
export interface ViberWebhookPayload extends ViberPayload {
  readonly event: 'webhook'
}

export interface ViberSubscribedPayload extends ViberPayload {
  readonly event: 'subscribed'
  readonly timestamp: number
  readonly user: ViberUser
}

export interface ViberUnsubscribedPayload extends ViberPayload {
  readonly event: 'unsubscribed'
  readonly timestamp: number
  readonly user_id: string
}

/** A user opened the chat; the only callback whose answer may carry a message (the welcome). */
export interface ViberConversationStartedPayload extends ViberPayload {
  readonly event: 'conversation_started'
  readonly timestamp: number
  readonly message_token: string
  readonly type: string
  readonly context?: string | undefined
  readonly user: ViberUser
  readonly subscribed?: boolean | undefined
}

export interface ViberMessagePayload extends ViberPayload {
  readonly event: 'message'
  readonly timestamp: number
  readonly message_token: string
  readonly sender: ViberUser
  readonly message: ViberIncomingMessage
  readonly silent?: boolean | undefined
}

/** `delivered` and `seen` report on a message the bot sent, by its `message_token`. */
export interface ViberReceiptPayload<Event extends 'delivered' | 'seen'> extends ViberPayload {
  readonly event: Event
  readonly timestamp: number
  readonly message_token: string
  readonly user_id: string
}

export interface ViberFailedPayload extends ViberPayload {
  readonly event: 'failed'
  readonly timestamp: number
  readonly message_token: string
  readonly user_id: string
  readonly desc: string
}

/** Every Viber event name with its payload; `'*'` is what any callback has. */
export type ViberEvents = {
  readonly '*': ViberPayload
  readonly webhook: ViberWebhookPayload
  readonly subscribed: ViberSubscribedPayload
  readonly unsubscribed: ViberUnsubscribedPayload
  readonly conversation_started: ViberConversationStartedPayload
  readonly message: ViberMessagePayload
  readonly delivered: ViberReceiptPayload<'delivered'>
  readonly seen: ViberReceiptPayload<'seen'>
  readonly failed: ViberFailedPayload
}

// A 64-bit unsigned integer in canonical decimal: the parser hands numbers over as their text.
const Token = z.string().regex(/^(?:0|[1-9][0-9]{0,19})$/, 'Expected a 64-bit integer')

const User = z.looseObject({
  id: z.string(),
  name: z.string(),
  avatar: z.string().optional(),
  country: z.string().optional(),
  language: z.string().optional(),
  api_version: z.number().optional(),
})

const IncomingMessage = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  media: z.string().optional(),
  thumbnail: z.string().optional(),
  file_name: z.string().optional(),
  size: z.number().optional(),
  duration: z.number().optional(),
  sticker_id: z.number().optional(),
  contact: z
    .looseObject({ name: z.string().optional(), phone_number: z.string().optional() })
    .optional(),
  location: z.looseObject({ lat: z.number(), lon: z.number() }).optional(),
  tracking_data: z.string().optional(),
})

const Base = z.looseObject({
  event: z.string(),
  timestamp: z.number().optional(),
  message_token: Token.optional(),
  chat_hostname: z.string().optional(),
})

// The check right after set_webhook decides whether the webhook is accepted at all, so it asks
// for nothing beyond its name.
const Webhook = Base.extend({ event: z.literal('webhook') })

const Subscribed = Base.extend({
  event: z.literal('subscribed'),
  timestamp: z.number(),
  user: User,
})

const Unsubscribed = Base.extend({
  event: z.literal('unsubscribed'),
  timestamp: z.number(),
  user_id: z.string(),
})

const ConversationStarted = Base.extend({
  event: z.literal('conversation_started'),
  timestamp: z.number(),
  message_token: Token,
  type: z.string(),
  context: z.string().optional(),
  user: User,
  subscribed: z.boolean().optional(),
})

const Message = Base.extend({
  event: z.literal('message'),
  timestamp: z.number(),
  message_token: Token,
  sender: User,
  message: IncomingMessage,
  silent: z.boolean().optional(),
})

const receipt = { timestamp: z.number(), message_token: Token, user_id: z.string() }
const Delivered = Base.extend({ event: z.literal('delivered'), ...receipt })
const Seen = Base.extend({ event: z.literal('seen'), ...receipt })

const Failed = Base.extend({
  event: z.literal('failed'),
  timestamp: z.number(),
  message_token: Token,
  user_id: z.string(),
  desc: z.string(),
})

type Schemas = { readonly [Name in keyof ViberEvents]: StandardSchema<ViberEvents[Name]> }

/** One schema per event, built once; unknown event names are checked by `'*'`. */
export const SCHEMAS: Schemas = {
  '*': Base,
  webhook: Webhook,
  subscribed: Subscribed,
  unsubscribed: Unsubscribed,
  conversation_started: ConversationStarted,
  message: Message,
  delivered: Delivered,
  seen: Seen,
  failed: Failed,
}
