import { InvalidArgumentError, Option } from 'commander'
import type { Io } from '../io.ts'

/** What every command action is given: the outside world, and where to leave its exit code. */
export interface CommandContext {
  readonly io: Io
  exitCode: number
}

/**
 * The `--secret` option every command takes, also read from `CHATHOOKS_SECRET` so a secret
 * need not sit in the shell's history; required and non-empty.
 *
 * @example
 * ```ts
 * command.addOption(secretOption('the bot secret'))
 * ```
 */
export function secretOption(what: string): Option {
  return new Option('--secret <secret>', what)
    .env('CHATHOOKS_SECRET')
    .argParser((value: string) => {
      if (value === '') throw new InvalidArgumentError('the secret must not be empty.')
      return value
    })
    .makeOptionMandatory()
}

/**
 * Text wrapped at `width` columns, every line after the first indented by `indent`, for help
 * texts that commander does not wrap itself.
 *
 * @example
 * ```ts
 * wrap('telegram: message, editedMessage, ...', 4)
 * ```
 */
export function wrap(text: string, indent: number, width: number = 96): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line)
      line = ' '.repeat(indent) + word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line].join('\n')
}

/** `--json`: machine-readable output on stdout. */
export function jsonOption(): Option {
  return new Option('--json', 'print JSON for scripts instead of text')
}

/**
 * A parser for an integer option from `min` to `max`, for commander's `argParser`.
 *
 * @example
 * ```ts
 * new Option('--repeat <n>').argParser(integer(1))
 * ```
 */
export function integer(
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): (value: string) => number {
  return (value) => {
    const number = Number(value)
    if (!/^-?\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}.`)
    }
    return number
  }
}

/** A parser for a number of seconds, negative for the future. */
export function seconds(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new InvalidArgumentError('must be a number of seconds.')
  }
  return number
}

/** `--port`, with its default. */
export function portOption(fallback: number): Option {
  return new Option('--port <port>', 'the port to listen on; 0 picks a free one')
    .argParser(integer(0, 65535))
    .default(fallback)
}

/** `--host`: where to listen; loopback unless asked. */
export function hostOption(): Option {
  return new Option('--host <host>', 'the address to listen on').default('127.0.0.1')
}
