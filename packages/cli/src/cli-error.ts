/** What went wrong, for scripts that read `--json` errors. */
export type CliErrorCode =
  | 'usage'
  | 'unknown_event'
  | 'bad_secret'
  | 'bad_data'
  | 'unreachable'
  | 'timeout'
  | 'listen_failed'

/**
 * A mistake the user can fix (a wrong argument, a file that is not JSON, a URL nobody answers
 * on): printed as one line without a stack trace, exit code 2.
 *
 * @example
 * ```ts
 * throw new CliError('bad_data', `data file ${path} is not JSON`)
 * ```
 */
export class CliError extends Error {
  readonly code: CliErrorCode
  readonly exitCode = 2

  constructor(code: CliErrorCode, message: string) {
    super(message)
    this.name = 'CliError'
    this.code = code
  }
}
