/** Who a message appears to come from: the bot's name (at most 28 characters) and avatar URL. */
export interface ViberSender {
  readonly name: string
  readonly avatar?: string | undefined
}

/** A custom keyboard (`Type: 'keyboard'` and its `Buttons`), sent along with a message. */
export interface ViberKeyboard {
  readonly Type: 'keyboard'
  readonly Buttons: readonly Readonly<Record<string, unknown>>[]
  readonly [field: string]: unknown
}

/** The fields every outgoing message has besides its content. */
export interface ViberMessageCommon {
  readonly sender: ViberSender
  /** Returned with the user's reply; at most 4000 characters. */
  readonly tracking_data?: string | undefined
  /** The oldest Viber API version that can show the message. Default 1. */
  readonly min_api_version?: number | undefined
  readonly keyboard?: ViberKeyboard | undefined
}

/** One outgoing message, by `type` (`'text'` when left out), as `send_message` takes it. */
export type ViberMessage = ViberMessageCommon &
  (
    | { readonly type?: 'text'; readonly text: string }
    | {
        readonly type: 'picture'
        readonly text: string
        readonly media: string
        readonly thumbnail?: string | undefined
      }
    | {
        readonly type: 'video'
        readonly media: string
        readonly size: number
        readonly duration?: number | undefined
        readonly thumbnail?: string | undefined
      }
    | {
        readonly type: 'file'
        readonly media: string
        readonly size: number
        readonly file_name: string
      }
    | {
        readonly type: 'contact'
        readonly contact: { readonly name: string; readonly phone_number: string }
      }
    | {
        readonly type: 'location'
        readonly location: { readonly lat: number; readonly lon: number }
      }
    | { readonly type: 'url'; readonly media: string }
    | { readonly type: 'sticker'; readonly sticker_id: number }
    | {
        readonly type: 'rich_media'
        readonly rich_media: Readonly<Record<string, unknown>>
        readonly alt_text?: string | undefined
      }
  )

/** A message's `type`. */
export type ViberMessageType = NonNullable<ViberMessage['type']>

// `filled` is a non-empty string; a picture's caption may be empty, so it is just a `string`.
type Kind = 'filled' | 'string' | 'number' | 'object'

// What each type cannot be sent without; Viber refuses such a message with status 3 or 4.
const REQUIRED: Readonly<Record<ViberMessageType, readonly (readonly [string, Kind])[]>> = {
  text: [['text', 'filled']],
  picture: [
    ['text', 'string'],
    ['media', 'filled'],
  ],
  video: [
    ['media', 'filled'],
    ['size', 'number'],
  ],
  file: [
    ['media', 'filled'],
    ['size', 'number'],
    ['file_name', 'filled'],
  ],
  contact: [
    ['contact.name', 'filled'],
    ['contact.phone_number', 'filled'],
  ],
  location: [
    ['location.lat', 'number'],
    ['location.lon', 'number'],
  ],
  url: [['media', 'filled']],
  sticker: [['sticker_id', 'number']],
  rich_media: [['rich_media', 'object']],
}

const DESCRIBE: Readonly<Record<Kind, string>> = {
  filled: 'a non-empty string',
  string: 'a string',
  number: 'a finite number',
  object: 'an object',
}

const SENDER_NAME_MAX = 28
const TRACKING_DATA_MAX = 4000

/**
 * Checks an outgoing message against what Viber states (required fields per type, a sender name
 * of 1 to 28 characters, tracking data of at most 4000) and returns a copy with `type` filled in,
 * so the caller's object is never changed. Characters are counted as Unicode code points.
 *
 * @throws TypeError naming `factory` and the field, without its value.
 */
export function toMessageBody(factory: string, message: unknown): Record<string, unknown> {
  if (!isRecord(message)) throw invalid(factory, 'message', 'must be an object')
  const type = message.type ?? 'text'
  if (typeof type !== 'string' || !Object.hasOwn(REQUIRED, type)) {
    throw invalid(factory, 'type', `must be one of ${Object.keys(REQUIRED).join(', ')}`)
  }
  const { sender } = message
  if (!isRecord(sender)) throw invalid(factory, 'sender', 'is required: { name, avatar? }')
  if (typeof sender.name !== 'string' || !within(sender.name, 1, SENDER_NAME_MAX)) {
    throw invalid(factory, 'sender.name', `must be 1 to ${SENDER_NAME_MAX} characters`)
  }
  if (sender.avatar !== undefined && typeof sender.avatar !== 'string') {
    throw invalid(factory, 'sender.avatar', 'must be a URL string')
  }
  const tracking = message.tracking_data
  if (
    tracking !== undefined &&
    !(typeof tracking === 'string' && within(tracking, 0, TRACKING_DATA_MAX))
  ) {
    throw invalid(
      factory,
      'tracking_data',
      `must be a string of at most ${TRACKING_DATA_MAX} characters`,
    )
  }
  const version = message.min_api_version
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) {
    throw invalid(factory, 'min_api_version', 'must be a positive integer')
  }
  if (message.keyboard !== undefined && !isRecord(message.keyboard)) {
    throw invalid(factory, 'keyboard', 'must be a keyboard object')
  }
  for (const [path, kind] of REQUIRED[type as ViberMessageType]) {
    if (!hasKind(read(message, path), kind)) {
      throw invalid(factory, path, `is required: ${DESCRIBE[kind]}`)
    }
  }
  return { ...message, type }
}

function read(value: Record<string, unknown>, path: string): unknown {
  let current: unknown = value
  for (const key of path.split('.')) current = isRecord(current) ? current[key] : undefined
  return current
}

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'object') return isRecord(value)
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value)
  return typeof value === 'string' && (kind === 'string' || value.length > 0)
}

function within(text: string, min: number, max: number): boolean {
  // Only a string that could be too long is counted, so a long one costs one pass.
  if (text.length < min) return false
  if (text.length <= max) return true
  let count = 0
  for (const _ of text) if (++count > max) return false
  return count >= min
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(factory: string, field: string, problem: string): TypeError {
  return new TypeError(`${factory}: field "${field}" ${problem}`)
}
