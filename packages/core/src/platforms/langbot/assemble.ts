import type { CallbackPayload, Segment } from './schema.ts'

/** A turn put back together from the parts received so far. */
export interface AssembledTurn {
  readonly sessionId: string
  readonly replyTo: string
  /** Every part received, once each, in sequence order. */
  readonly parts: readonly CallbackPayload[]
  /** The parts' segments in order: what `/sync` would have answered. */
  readonly message: readonly Segment[]
  /** The final part arrived and none before it is missing. */
  readonly complete: boolean
  /** The sequences not received yet, below the final part or the highest one seen. */
  readonly missing: readonly number[]
}

/**
 * Puts the parts of one turn in order, whatever order they arrived in, keeps one of each
 * sequence, and says whether the turn is complete. Stateless, so the parts may come from
 * any storage.
 *
 * @throws TypeError when the list is empty or mixes turns (another `session_id` or `reply_to`).
 * @example
 * ```ts
 * const turn = assembleTurn(await db.parts(sessionId, replyTo))
 * if (turn.complete) show(turn.message)
 * ```
 */
export function assembleTurn(parts: readonly CallbackPayload[]): AssembledTurn {
  const [first] = parts
  if (first === undefined) throw new TypeError('assembleTurn: there are no parts')
  const bySequence = new Map<number, CallbackPayload>()
  for (const part of parts) {
    if (part.session_id !== first.session_id || part.reply_to !== first.reply_to) {
      throw new TypeError('assembleTurn: the parts belong to more than one turn')
    }
    if (!bySequence.has(part.sequence)) bySequence.set(part.sequence, part)
  }
  const ordered = [...bySequence.values()].sort((a, b) => a.sequence - b.sequence)
  const final = ordered.find((part) => part.is_final)
  const last = final?.sequence ?? (ordered.at(-1) as CallbackPayload).sequence
  const missing: number[] = []
  for (let sequence = 1; sequence < last; sequence++) {
    if (!bySequence.has(sequence)) missing.push(sequence)
  }
  const kept = ordered.filter((part) => part.sequence <= last)
  return {
    sessionId: first.session_id,
    replyTo: first.reply_to,
    parts: kept,
    message: kept.flatMap((part) => part.message),
    complete: final !== undefined && missing.length === 0,
    missing,
  }
}

/** A turn after one more part, and whether that part had been seen already. */
export interface AssembledPart extends AssembledTurn {
  readonly duplicate: boolean
}

/** Collects parts as they arrive, turn by turn, in memory. */
export interface TurnAssembler {
  /** Adds one part and returns its turn so far. */
  add(part: CallbackPayload): AssembledPart
}

export interface TurnAssemblerOptions {
  /** Turns remembered, complete or not; past it the oldest is forgotten. Default 1 000. */
  readonly maxTurns?: number
}

/**
 * An in-memory `assembleTurn` for a receiver's handler: feed it every part and act when the
 * turn is `complete`. A complete turn is remembered, so a late repeat of one of its parts is
 * flagged `duplicate`; a part with an empty `reply_to` (sent unasked) is a turn of its own. Options: `maxTurns` (1 000).
 *
 * @throws TypeError when `maxTurns` is not a positive integer.
 * @example
 * ```ts
 * const turns = createTurnAssembler()
 * webhook.on('reply', ({ payload }) => {
 *   const turn = turns.add(payload)
 *   if (turn.complete && !turn.duplicate) show(turn.message)
 * })
 * ```
 */
export function createTurnAssembler(options: TurnAssemblerOptions = {}): TurnAssembler {
  const maxTurns = options.maxTurns ?? 1_000
  if (!Number.isSafeInteger(maxTurns) || maxTurns < 1) {
    throw new TypeError('createTurnAssembler: option "maxTurns" must be a positive integer')
  }
  const turns = new Map<string, CallbackPayload[]>()
  return {
    add(part) {
      // LangBot numbers every message nobody asked for 1, with no reply_to: each stands alone.
      if (part.reply_to === '') return { ...assembleTurn([part]), duplicate: false }
      const key = JSON.stringify([part.session_id, part.reply_to])
      const parts = turns.get(key) ?? []
      const duplicate = parts.some((seen) => seen.sequence === part.sequence)
      if (!duplicate) parts.push(part)
      // Re-inserting keeps the map in last-use order, so the oldest turn is forgotten first.
      turns.delete(key)
      turns.set(key, parts)
      if (turns.size > maxTurns) turns.delete(turns.keys().next().value as string)
      return { ...assembleTurn(parts), duplicate }
    },
  }
}
