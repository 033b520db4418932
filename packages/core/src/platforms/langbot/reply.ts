import {
  type AtSegment,
  type FileSegment,
  type ImageSegment,
  type PlainSegment,
  type QuoteSegment,
  type Segment,
  segmentsSchema,
  type VoiceSegment,
} from './schema.ts'

/** What a reply part is made of: text (one `Plain` segment) or a message chain. */
export type ReplyContent = string | readonly Segment[]

/** How one reply part is marked on the wire. */
export interface ReplyOptions {
  /** The part is a chunk of a streamed answer (`stream: true`). Default `false`. */
  readonly stream?: boolean
  /** The part ends the turn at once (`is_final: true`); later replies throw. Default `false`. */
  readonly final?: boolean
}

/** Turns reply content into checked segments; anything else is the handler's mistake. */
export function toSegments(where: string, content: unknown): readonly Segment[] {
  if (typeof content === 'string') return [{ type: 'Plain', text: content }]
  const result = segmentsSchema.safeParse(content)
  if (result.success) return result.data
  const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')
  throw new TypeError(`${where}: a reply is text or a list of LangBot segments (wrong at ${paths})`)
}

/** Checks reply options, so a typo never sends a part marked wrongly. */
export function toReplyOptions(where: string, options: unknown): Required<ReplyOptions> {
  if (options === undefined) return { stream: false, final: false }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: options must be an object`)
  }
  const { stream = false, final = false, ...rest } = options as ReplyOptions
  const unknown = Object.keys(rest)[0]
  if (unknown !== undefined) throw new TypeError(`${where}: unknown option "${unknown}"`)
  if (typeof stream !== 'boolean')
    throw new TypeError(`${where}: option "stream" must be a boolean`)
  if (typeof final !== 'boolean') throw new TypeError(`${where}: option "final" must be a boolean`)
  return { stream, final }
}

/**
 * Builders for LangBot's message segments, so a handler never writes their JSON by hand:
 * `plain(text)`, `image(source)`, `voice(source)`, `file(file)`, `at(target, display?)` and
 * `quote(origin, ids?)`. Pass a list of them to `reply`.
 *
 * @example
 * ```ts
 * reply([segments.at('user-5567'), segments.plain(' the export is fixed'), segments.image({ url })])
 * ```
 */
export const segments: {
  plain(text: string): PlainSegment
  image(source: Omit<ImageSegment, 'type'>): ImageSegment
  voice(source: Omit<VoiceSegment, 'type'>): VoiceSegment
  file(file: Omit<FileSegment, 'type'>): FileSegment
  at(target: string | number, display?: string): AtSegment
  quote(origin: readonly Segment[], ids?: Omit<QuoteSegment, 'type' | 'origin'>): QuoteSegment
} = {
  plain: (text) => ({ type: 'Plain', text }),
  image: (source) => ({ type: 'Image', ...source }),
  voice: (source) => ({ type: 'Voice', ...source }),
  file: (file) => ({ type: 'File', ...file }),
  at: (target, display) =>
    display === undefined ? { type: 'At', target } : { type: 'At', target, display },
  quote: (origin, ids) => ({ type: 'Quote', ...ids, origin }),
}
