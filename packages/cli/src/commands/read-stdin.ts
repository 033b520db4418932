import { CliError } from '../cli-error.ts'
import type { InStream } from '../io.ts'

const encoder = new TextEncoder()

/**
 * Reads standard input to its end, as bytes exactly as given.
 *
 * @throws CliError `usage` when stdin is a terminal: the body is meant to be piped in.
 * @example
 * ```ts
 * const body = await readStdin(process.stdin, 'chathooks sign viber --secret S < body.json')
 * ```
 */
export async function readStdin(stdin: InStream, usage: string): Promise<Uint8Array> {
  if (stdin.isTTY === true) {
    throw new CliError('usage', `pipe the exact body to sign on stdin: ${usage}`)
  }
  const chunks: Uint8Array[] = []
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
  }
  const body = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0))
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
