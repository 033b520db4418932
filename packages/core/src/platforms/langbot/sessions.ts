import type { SyncWaiter } from './sync-waiter.ts'

/** One accepted push or sync, until its turn ends or a reset drops it. */
export interface Push<Entry = unknown> {
  readonly sessionId: string
  readonly acceptedMessageId: string
  /** What the runner needs to run the push's turn. */
  readonly entry: Entry
  /** Called once, when the push's turn has ended or the push was dropped. */
  readonly done: () => void
}

/** The pushes one turn answers (several when aggregated), and the sync waiting for it. */
export interface PendingTurn<Entry = unknown> {
  readonly pushes: readonly Push<Entry>[]
  readonly sync?: SyncWaiter | undefined
}

export interface SessionsOptions<Entry> {
  /** Window of the N→1 aggregation; 0 turns it off. */
  readonly aggregateMs: number
  /** Runs one turn to its end; never rejects. */
  readonly run: (turn: PendingTurn<Entry>) => Promise<void>
}

interface SessionState<Entry> {
  running: boolean
  readonly queue: PendingTurn<Entry>[]
  window: Window<Entry> | undefined
  syncing: boolean
}

interface Window<Entry> {
  readonly pushes: Push<Entry>[]
  timer: ReturnType<typeof setTimeout>
}

/** LangBot's aggregator flushes a window at this many messages, whatever the delay. */
const MAX_MERGED = 10
/** How many idle sessions are remembered, so `/reset` can say whether one existed. */
const MAX_KNOWN = 10_000

/**
 * Turns per session: one at a time, in arrival order, so the parts of two turns of one
 * session never interleave and every turn's sequence starts at 1. With `aggregateMs`, pushes
 * arriving within that time of the previous one wait in a window (each push restarts it, as
 * LangBot's debounce does; ten messages flush it at once) and become one turn.
 */
export class Sessions<Entry> {
  readonly #options: SessionsOptions<Entry>
  readonly #states = new Map<string, SessionState<Entry>>()
  readonly #known = new Set<string>()

  constructor(options: SessionsOptions<Entry>) {
    this.#options = options
  }

  /** Accepts a push; `true` when it waits in an aggregation window. */
  push(push: Push<Entry>): boolean {
    const state = this.#enter(push.sessionId)
    if (this.#options.aggregateMs === 0) {
      state.queue.push({ pushes: [push] })
      this.#next(push.sessionId, state)
      return false
    }
    const { window } = state
    if (window === undefined) {
      state.window = { pushes: [push], timer: this.#flushLater(push.sessionId, state) }
    } else {
      clearTimeout(window.timer)
      window.pushes.push(push)
      if (window.pushes.length >= MAX_MERGED) this.#flush(push.sessionId, state)
      else window.timer = this.#flushLater(push.sessionId, state)
    }
    return true
  }

  /**
   * Accepts a sync with the waiter `wait` makes; `undefined` when another sync of the session
   * is still waiting. A pending window is flushed first, so earlier pushes are answered first
   * and never merged into the sync.
   */
  sync(push: Push<Entry>, wait: () => SyncWaiter): SyncWaiter | undefined {
    const state = this.#enter(push.sessionId)
    if (state.syncing) return undefined
    state.syncing = true
    const waiter = wait()
    this.#flush(push.sessionId, state)
    state.queue.push({ pushes: [push], sync: waiter })
    this.#next(push.sessionId, state)
    return waiter
  }

  /** The sync of a session was answered; another may start. */
  synced(sessionId: string): void {
    const state = this.#states.get(sessionId)
    if (state !== undefined) state.syncing = false
  }

  /**
   * Forgets a session: its aggregation window and the turns that have not started are
   * dropped (their handlers never run; a dropped sync is answered with no parts). A turn
   * already running finishes and its parts are still delivered. `true` when the session was
   * known: it had a push since the start or the last reset, or something was dropped.
   */
  reset(sessionId: string): boolean {
    let removed = this.#known.delete(sessionId)
    const state = this.#states.get(sessionId)
    if (state === undefined) return removed
    const dropped = [...state.queue.splice(0)]
    if (state.window !== undefined) {
      clearTimeout(state.window.timer)
      dropped.push({ pushes: state.window.pushes })
      state.window = undefined
    }
    for (const turn of dropped) {
      removed = true
      turn.sync?.settle({ ok: true, message: [] })
      for (const push of turn.pushes) push.done()
    }
    this.#next(sessionId, state)
    return removed || state.running
  }

  #enter(sessionId: string): SessionState<Entry> {
    // Re-inserting keeps the set in last-use order, so the oldest idle session is forgotten.
    this.#known.delete(sessionId)
    this.#known.add(sessionId)
    if (this.#known.size > MAX_KNOWN)
      this.#known.delete(this.#known.values().next().value as string)
    let state = this.#states.get(sessionId)
    if (state === undefined) {
      state = { running: false, queue: [], window: undefined, syncing: false }
      this.#states.set(sessionId, state)
    }
    return state
  }

  #flushLater(sessionId: string, state: SessionState<Entry>): ReturnType<typeof setTimeout> {
    return setTimeout(() => this.#flush(sessionId, state), this.#options.aggregateMs)
  }

  #flush(sessionId: string, state: SessionState<Entry>): void {
    const { window } = state
    if (window === undefined) return
    clearTimeout(window.timer)
    state.window = undefined
    state.queue.push({ pushes: window.pushes })
    this.#next(sessionId, state)
  }

  #next(sessionId: string, state: SessionState<Entry>): void {
    if (state.running) return
    const turn = state.queue.shift()
    if (turn === undefined) {
      if (state.window === undefined) this.#states.delete(sessionId)
      return
    }
    state.running = true
    void this.#options.run(turn).finally(() => {
      for (const push of turn.pushes) push.done()
      state.running = false
      this.#next(sessionId, state)
    })
  }
}
