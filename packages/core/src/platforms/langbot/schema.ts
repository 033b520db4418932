import { z } from 'zod'

// The types are written out because `isolatedDeclarations` needs them spelled; each schema is
// annotated with its type, so the compiler checks that what zod produces fits it.

/** Text. */
export interface PlainSegment {
  readonly type: 'Plain'
  readonly text: string
}
/** An image by id, URL, path or Base64 (LangBot sends `null` for the ones it does not use). */
export interface ImageSegment {
  readonly type: 'Image'
  readonly image_id?: string | null | undefined
  readonly url?: string | null | undefined
  readonly path?: string | null | undefined
  readonly base64?: string | null | undefined
}
/** A voice message; `length` in seconds. */
export interface VoiceSegment {
  readonly type: 'Voice'
  readonly voice_id?: string | null | undefined
  readonly url?: string | null | undefined
  readonly path?: string | null | undefined
  readonly base64?: string | null | undefined
  readonly length?: number | null | undefined
}
/** A file; LangBot's WeChat variant uses `file_id`/`file_name` instead, which pass through. */
export interface FileSegment {
  readonly type: 'File'
  readonly id?: string | null | undefined
  readonly name?: string | null | undefined
  readonly size?: number | null | undefined
}
/** A mention of a member. */
export interface AtSegment {
  readonly type: 'At'
  readonly target: string | number
  readonly display?: string | null | undefined
}
/** A quoted earlier message. */
export interface QuoteSegment {
  readonly type: 'Quote'
  readonly id?: string | number | null | undefined
  readonly group_id?: string | number | null | undefined
  readonly sender_id?: string | number | null | undefined
  readonly target_id?: string | number | null | undefined
  readonly origin: readonly Segment[]
}
/** LangBot's other message components; their fields pass through untyped. */
export interface OtherSegment {
  readonly type: OtherSegmentType
}
export type OtherSegmentType =
  | 'AtAll'
  | 'Source'
  | 'Unknown'
  | 'Forward'
  | 'WeChatMiniPrograms'
  | 'WeChatForwardMiniPrograms'
  | 'WeChatEmoji'
  | 'WeChatLink'
  | 'WeChatForwardLink'
  | 'WeChatForwardImage'
  | 'WeChatForwardFile'
  | 'WeChatAppMsg'
  | 'WeChatForwardQuote'
/** One element of a LangBot message chain, told apart by `type`. */
export type Segment =
  | PlainSegment
  | ImageSegment
  | VoiceSegment
  | FileSegment
  | AtSegment
  | QuoteSegment
  | OtherSegment

/** Who wrote a pushed message; every field is optional on the wire. */
export interface Sender {
  readonly id?: string | undefined
  readonly name?: string | undefined
  readonly group_name?: string | undefined
}
/** The body of a push (`POST /`) or a sync (`POST /sync`). */
export interface MessagePayload {
  /** The caller's session, as text even when it was sent as a number. */
  readonly session_id: string
  /** `person` when the body leaves it out. */
  readonly session_type: 'person' | 'group'
  readonly sender?: Sender | undefined
  readonly message: readonly Segment[]
}
/** The body of `POST /reset`; what every event of the bot end carries. */
export interface SessionPayload {
  readonly session_id: string
  readonly session_type: 'person' | 'group'
}
/** One reply part as the bot end POSTs it to the callback URL. */
export interface CallbackPayload {
  readonly session_id: string
  /** The `accepted_message_id` of the push this answers; empty for a message nobody asked for. */
  readonly reply_to: string
  /** 1-based within the turn. */
  readonly sequence: number
  /** The last part of the turn. */
  readonly is_final: boolean
  /** The part is a chunk of a streamed answer. */
  readonly stream: boolean
  readonly message: readonly Segment[]
  /** When the part was produced, ISO 8601. */
  readonly timestamp: string
}

const text = z.string().nullish()
const id = z.union([z.string(), z.number()])
const OTHER_TYPES: readonly [OtherSegmentType, ...OtherSegmentType[]] = [
  'AtAll',
  'Source',
  'Unknown',
  'Forward',
  'WeChatMiniPrograms',
  'WeChatForwardMiniPrograms',
  'WeChatEmoji',
  'WeChatLink',
  'WeChatForwardLink',
  'WeChatForwardImage',
  'WeChatForwardFile',
  'WeChatAppMsg',
  'WeChatForwardQuote',
]

/** One segment of any known type; unknown extra fields pass through. */
export const segmentSchema: z.ZodType<Segment> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('Plain'), text: z.string() }),
    z.looseObject({
      type: z.literal('Image'),
      image_id: text,
      url: text,
      path: text,
      base64: text,
    }),
    z.looseObject({
      type: z.literal('Voice'),
      voice_id: text,
      url: text,
      path: text,
      base64: text,
      length: z.number().nullish(),
    }),
    z.looseObject({ type: z.literal('File'), id: text, name: text, size: z.number().nullish() }),
    z.looseObject({ type: z.literal('At'), target: id, display: text }),
    z.looseObject({
      type: z.literal('Quote'),
      id: id.nullish(),
      group_id: id.nullish(),
      sender_id: id.nullish(),
      target_id: id.nullish(),
      origin: z.array(segmentSchema),
    }),
    z.looseObject({ type: z.enum(OTHER_TYPES) }),
  ]),
)

/** A message chain. */
export const segmentsSchema: z.ZodType<readonly Segment[]> = z.array(segmentSchema)

// LangBot stringifies the session id, so a numeric one is accepted and read as text.
const sessionId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().min(1, 'session_id must not be empty'))
const sessionType = z.enum(['person', 'group']).default('person')

export const messageSchema: z.ZodType<MessagePayload> = z.looseObject({
  session_id: sessionId,
  session_type: sessionType,
  sender: z
    .looseObject({
      id: z.union([z.string(), z.number()]).transform(String).optional(),
      name: z.string().optional(),
      group_name: z.string().optional(),
    })
    .optional(),
  message: segmentsSchema,
})

export const sessionSchema: z.ZodType<SessionPayload> = z.looseObject({
  session_id: sessionId,
  session_type: sessionType,
})

export const callbackSchema: z.ZodType<CallbackPayload> = z.looseObject({
  session_id: z.string(),
  reply_to: z.string(),
  sequence: z.int().min(1),
  is_final: z.boolean(),
  stream: z.boolean(),
  message: segmentsSchema,
  timestamp: z.string(),
})
