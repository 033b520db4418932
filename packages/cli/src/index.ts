export { CliError, type CliErrorCode } from './cli-error.ts'
export type { InStream, Io, OutStream } from './io.ts'
export { processIo } from './io.ts'
export { run } from './run.ts'
