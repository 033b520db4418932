/** What a bench's answer is checked on: a `WebhookResponse` or an HTTP answer. */
export interface Answer {
  readonly status: number
  readonly body: string | Uint8Array
}

/**
 * Throws unless an answer has the expected status and, when given, contains the expected
 * text; each bench calls it once before it is timed, so a bench that broke fails the run
 * instead of timing a quick 401 or 404.
 *
 * @throws Error naming the bench, the status and the body it got.
 * @example
 * ```ts
 * expectAnswer('Telegram preset', await webhook.handle(request), 200, 'sendMessage')
 * ```
 */
export function expectAnswer(bench: string, answer: Answer, status: number, text = ''): void {
  const body = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body)
  if (answer.status !== status || !body.includes(text)) {
    throw new Error(`${bench}: expected ${status} with "${text}", got ${answer.status} ${body}`)
  }
}
