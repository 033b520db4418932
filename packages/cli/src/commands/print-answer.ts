import type { Answer } from '../http/send-request.ts'
import type { Output, Paint } from '../output.ts'

/** What was sent: the platform and the event, by the CLI's names. */
export interface Sent {
  readonly platform: string
  readonly event: string
}

/**
 * Prints what came back for one request: for people, the request line, the status and time,
 * the headers and the body exactly as received; with `--json`, one object with the same.
 *
 * @example
 * ```ts
 * printAnswer(output, { platform: 'telegram', event: 'message' }, answer)
 * ```
 */
export function printAnswer(output: Output, sent: Sent, answer: Answer): void {
  if (output.json) {
    output.value({
      ...sent,
      url: answer.url,
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
      body: answer.body,
      ms: Math.round(answer.ms * 10) / 10,
    })
    return
  }
  const { paint } = output
  output.line(paint.dim(`POST ${answer.url}  (${sent.platform} ${sent.event})`))
  output.line(
    `${statusStyle(paint, answer.status)(`${answer.status} ${answer.statusText}`)}  ${paint.dim(`${answer.ms.toFixed(1)} ms`)}`,
  )
  for (const [name, value] of Object.entries(answer.headers)) {
    output.line(`${paint.cyan(name)}: ${value}`)
  }
  output.line()
  output.line(answer.body)
}

/** Green for 2xx, yellow for 3xx, red for the rest. */
export function statusStyle(paint: Paint, status: number): (text: string) => string {
  if (status >= 200 && status < 300) return paint.green
  return status < 400 ? paint.yellow : paint.red
}
