import { utf8 } from '../../crypto/codec.ts'
import { LangBotError } from './errors.ts'
import type { CallbackPart } from './post.ts'
import { toReplyOptions, toSegments } from './reply.ts'
import type { Segment } from './schema.ts'
import type { SyncWaiter } from './sync-waiter.ts'

export interface TurnOptions {
  readonly sessionId: string
  readonly replyTo: string
  readonly now: () => number
  /** Takes a finished part to the callback queue. */
  readonly send: (part: CallbackPart) => void
  /** The `/sync` request this turn answers, if any. */
  readonly sync?: SyncWaiter | undefined
}

interface Part {
  readonly message: readonly Segment[]
  readonly stream: boolean
  readonly sequence: number
  readonly producedAt: number
}

/**
 * The reply parts of one turn. Only the handler's end tells which part is the last, so the
 * newest part is held back until the next one arrives or the turn ends, and is then sent
 * with `is_final: true`; `reply(content, { final: true })` ends the turn at once instead.
 * Sequences start at 1 in every turn. While a `/sync` request waits, parts are collected for
 * its answer instead of being sent.
 */
export class Turn {
  readonly #options: TurnOptions
  #sequence = 0
  #held: Part | undefined
  #ended = false
  #collected: Segment[] | undefined

  constructor(options: TurnOptions) {
    this.#options = options
    if (options.sync?.attach(() => this.#detach())) this.#collected = []
  }

  /** One reply part; throws on content that is not a reply, and after the final part. */
  reply(content: unknown, options?: unknown): void {
    if (this.#ended) {
      const { sessionId, replyTo } = this.#options
      throw new LangBotError('turn_ended', 'reply: the turn already sent its final part', {
        sessionId,
        replyTo,
      })
    }
    const message = toSegments('reply', content)
    const { stream, final } = toReplyOptions('reply', options)
    const part = { message, stream, sequence: ++this.#sequence, producedAt: this.#options.now() }
    if (this.#collected !== undefined) {
      this.#collected.push(...message)
    } else {
      if (this.#held !== undefined) this.#send(this.#held, false)
      this.#held = part
    }
    if (final) this.end()
  }

  /** Ends the turn: the held part goes out as the final one, a waiting sync gets its answer. */
  end(): void {
    if (this.#ended) return
    this.#ended = true
    if (this.#held !== undefined) this.#send(this.#held, true)
    this.#held = undefined
    if (this.#collected !== undefined)
      this.#options.sync?.settle({ ok: true, message: this.#collected })
  }

  /** The handler threw: a waiting sync is answered as failed; a held part still closes the turn. */
  fail(): void {
    if (this.#collected !== undefined) this.#options.sync?.settle({ ok: false })
    this.#collected = undefined
    this.end()
  }

  #detach(): readonly Segment[] {
    const collected = this.#collected ?? []
    this.#collected = undefined
    return collected
  }

  #send(part: Part, isFinal: boolean): void {
    const { sessionId, replyTo } = this.#options
    const body = {
      session_id: sessionId,
      reply_to: replyTo,
      sequence: part.sequence,
      is_final: isFinal,
      stream: part.stream,
      message: part.message,
      timestamp: new Date(part.producedAt).toISOString(),
    }
    this.#options.send({
      sessionId,
      replyTo,
      sequence: part.sequence,
      body: utf8(JSON.stringify(body)) as Uint8Array<ArrayBuffer>,
    })
  }
}
