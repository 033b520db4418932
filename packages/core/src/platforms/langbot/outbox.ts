import { LangBotError } from './errors.ts'
import type { Load } from './load.ts'
import type { CallbackPart } from './post.ts'

/** A part handed to the outbox, with where its failure is reported. */
export interface OutboundPart extends CallbackPart {
  readonly report: (error: LangBotError) => Promise<void>
}

export interface OutboxOptions {
  readonly maxQueuedParts: number
  readonly load: Load
  readonly post: (part: CallbackPart) => Promise<LangBotError | undefined>
}

interface Entry {
  readonly part: OutboundPart
  readonly settle: () => void
}

/**
 * The callback queues: one FIFO per session, drained by one worker each, so a session never
 * has two parts in flight and its parts arrive in the order they were made, while sessions
 * never wait for each other. A session holds at most `maxQueuedParts` waiting parts (the one
 * in flight not counted); one more drops the oldest waiting part, reported as
 * `callback_dropped`, as LangBot's own queue does.
 */
export class Outbox {
  readonly #options: OutboxOptions
  /** Waiting parts per session; a session is present while its worker runs. */
  readonly #queues = new Map<string, Entry[]>()

  constructor(options: OutboxOptions) {
    this.#options = options
  }

  /** Queues a part; resolves once it is delivered, given up or dropped, and reported. */
  enqueue(part: OutboundPart): Promise<void> {
    return new Promise((resolve) => {
      this.#options.load.add()
      const entry: Entry = {
        part,
        settle: () => {
          this.#options.load.done()
          resolve()
        },
      }
      const waiting = this.#queues.get(part.sessionId)
      if (waiting === undefined) {
        this.#queues.set(part.sessionId, [])
        void this.#drain(part.sessionId, entry)
        return
      }
      if (waiting.length >= this.#options.maxQueuedParts) {
        const dropped = waiting.shift() as Entry
        void dropped.part.report(overflow(dropped.part)).finally(dropped.settle)
      }
      waiting.push(entry)
    })
  }

  async #drain(sessionId: string, first: Entry): Promise<void> {
    for (let entry: Entry | undefined = first; entry !== undefined; ) {
      const { part, settle } = entry
      const failure = await this.#options.post(part).catch((cause: unknown) => broken(part, cause))
      if (failure !== undefined) await part.report(failure)
      settle()
      entry = this.#queues.get(sessionId)?.shift()
    }
    this.#queues.delete(sessionId)
  }
}

// Signing cannot fail with a prepared key, but a worker that threw would strand its queue.
function broken(part: CallbackPart, cause: unknown): LangBotError {
  const { sessionId, replyTo, sequence } = part
  return new LangBotError('callback_failed', 'A reply part could not be sent', {
    sessionId,
    replyTo,
    sequence,
    cause,
  })
}

function overflow(part: CallbackPart): LangBotError {
  return new LangBotError(
    'callback_dropped',
    'The session already had maxQueuedParts reply parts waiting; the oldest was dropped',
    { sessionId: part.sessionId, replyTo: part.replyTo, sequence: part.sequence },
  )
}
