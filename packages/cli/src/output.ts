import type { Io, OutStream } from './io.ts'

/** Styles for terminal text; each is the identity when colour is off. */
export interface Paint {
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
}

/** How a command prints: lines for people, JSON for scripts, and styles when allowed. */
export interface Output {
  /** `--json` was given: print only JSON on stdout. */
  readonly json: boolean
  readonly paint: Paint
  /** Styles for stderr, which may be a terminal when stdout is not. */
  readonly paintErr: Paint
  /** Writes one line to stdout. */
  line(text?: string): void
  /** Writes one line to stderr: notes and progress that scripts do not read. */
  note(text: string): void
  /** Writes a value as one line of JSON to stdout. */
  value(value: unknown): void
}

const CODES: Readonly<Record<keyof Paint, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
}

/**
 * Whether to colour a stream: never with `NO_COLOR` set (to anything but empty), always with
 * `FORCE_COLOR` set to anything but `''` or `0`, else only on a terminal.
 *
 * @example
 * ```ts
 * const color = useColor(process.stdout, process.env)
 * ```
 */
export function useColor(stream: OutStream, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') {
    return true
  }
  return stream.isTTY === true
}

/**
 * Styles that write ANSI codes when `color` is true, and leave text alone otherwise.
 *
 * @example
 * ```ts
 * const { green } = createPaint(true)
 * ```
 */
export function createPaint(color: boolean): Paint {
  const style = ([open, close]: readonly [number, number]) =>
    color ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text
  return {
    bold: style(CODES.bold),
    dim: style(CODES.dim),
    red: style(CODES.red),
    green: style(CODES.green),
    yellow: style(CODES.yellow),
    cyan: style(CODES.cyan),
  }
}

/**
 * The output of one command run: `json` picks machine-readable output, colour follows
 * `useColor` for each stream.
 *
 * @example
 * ```ts
 * const output = createOutput(io, { json: options.json === true })
 * output.line(output.paint.green('200 OK'))
 * ```
 */
export function createOutput(io: Io, options: { readonly json: boolean }): Output {
  return {
    json: options.json,
    paint: createPaint(!options.json && useColor(io.stdout, io.env)),
    paintErr: createPaint(useColor(io.stderr, io.env)),
    line: (text = '') => void io.stdout.write(`${text}\n`),
    note: (text) => void io.stderr.write(`${text}\n`),
    value: (value) => void io.stdout.write(`${JSON.stringify(value)}\n`),
  }
}
