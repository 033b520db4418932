import type { OutStream } from '../io.ts'

/** A progress bar on one terminal line; `done()` clears it. */
export interface Progress {
  update(done: number): void
  done(): void
}

const WIDTH = 30
// Redrawing more often than this only costs time the requests need.
const INTERVAL_MS = 50

/**
 * A progress bar for `total` steps on `stream` when it is a terminal; elsewhere it draws
 * nothing, so piped output stays clean.
 *
 * @example
 * ```ts
 * const progress = createProgress(process.stderr, 100)
 * progress.update(50)
 * progress.done()
 * ```
 */
export function createProgress(stream: OutStream, total: number): Progress {
  if (stream.isTTY !== true) return { update() {}, done() {} }
  let drawn = 0
  const draw = (done: number) => {
    const filled = Math.round((done / total) * WIDTH)
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`)
  }
  return {
    update(done) {
      const now = Date.now()
      if (done < total && now - drawn < INTERVAL_MS) return
      drawn = now
      draw(done)
    },
    done() {
      stream.write(`\r${' '.repeat(WIDTH + 4 + 2 * String(total).length)}\r`)
    },
  }
}
