import process from 'node:process'

/** A stream the CLI writes to; `isTTY` and `columns` decide colour, progress bars and widths. */
export interface OutStream {
  write(text: string): unknown
  readonly isTTY?: boolean | undefined
  readonly columns?: number | undefined
}

/** Where input comes from: `sign` reads the body to sign, `demo --serve` waits for Enter. */
export interface InStream extends AsyncIterable<Uint8Array | string> {
  readonly isTTY?: boolean | undefined
  on(event: 'data', listener: (chunk: unknown) => void): unknown
  off(event: 'data', listener: (chunk: unknown) => void): unknown
  pause(): unknown
}

/**
 * Everything the CLI touches outside itself: its streams, its environment, and how it waits
 * for the end of a long-running command, so a program embedding `run` can supply its own.
 */
export interface Io {
  readonly stdout: OutStream
  readonly stderr: OutStream
  readonly stdin: InStream
  /**
   * What decides colour (`NO_COLOR`, `FORCE_COLOR`). `CHATHOOKS_SECRET` is read by the option
   * parser from the process's own environment.
   */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Resolves when a server command should stop: SIGINT or SIGTERM for the real process. */
  readonly stopped: () => Promise<string>
}

/**
 * The running process's streams, environment and signals.
 *
 * @example
 * ```ts
 * process.exitCode = await run(process.argv.slice(2), processIo())
 * ```
 */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stopped: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop).off('SIGTERM', stop)
          resolve(signal)
        }
        process.once('SIGINT', stop).once('SIGTERM', stop)
      }),
  }
}
