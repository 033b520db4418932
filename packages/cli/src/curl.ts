import { CliError } from './cli-error.ts'

/** What a `curl` line sends. */
export interface CurlRequest {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * A POSIX-shell `curl` command that sends exactly these bytes with these headers: every
 * argument single-quoted, the body passed to `--data-binary` as it is (newlines included).
 *
 * @throws CliError `bad_data` when the body is not UTF-8 text or holds a NUL byte, which no
 *   shell argument can carry.
 * @example
 * ```ts
 * curlLine({ url: 'http://127.0.0.1:8080/viber', headers, body }) // "curl -sS -X POST ..."
 * ```
 */
export function curlLine(request: CurlRequest): string {
  let text: string
  try {
    text = decoder.decode(request.body)
  } catch {
    throw new CliError('bad_data', 'a curl line can only carry a UTF-8 text body')
  }
  if (text.includes('\u0000')) {
    throw new CliError('bad_data', 'a curl line cannot carry a body with a NUL byte')
  }
  const headers = Object.entries(request.headers).flatMap(([name, value]) => [
    '-H',
    quote(`${name}: ${value}`),
  ])
  return [
    'curl',
    '-sS',
    '-X',
    'POST',
    quote(request.url),
    ...headers,
    '--data-binary',
    quote(text),
  ].join(' ')
}

/** One shell word: single quotes, each `'` inside written as `'\''`. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}
