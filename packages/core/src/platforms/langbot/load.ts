/**
 * The global bound: turns in progress plus callback parts not yet delivered or given up,
 * over every session. A push or sync arriving at the limit is answered 503, so a receiver
 * that is down cannot make the bot end hold an unbounded backlog.
 */
export class Load {
  readonly #max: number
  #count = 0

  constructor(max: number) {
    this.#max = max
  }

  get full(): boolean {
    return this.#count >= this.#max
  }

  add(count = 1): void {
    this.#count += count
  }

  done(count = 1): void {
    this.#count -= count
  }
}
