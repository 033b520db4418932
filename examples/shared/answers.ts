import assert from 'node:assert/strict'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

/** One request a smoke test sends, and the answer it expects. */
export interface Check {
  /** What the answer shows, as a sentence; printed as `ok - <name>` once it holds. */
  readonly name: string
  /** Where the webhook is mounted, below the base URL the check is run against. Default none. */
  readonly mount?: string
  readonly request: WebhookRequest
  readonly status: number
  /** The JSON body; `''` for an empty one. */
  readonly body: unknown
}

/** What came back: the status and the JSON body, `''` for an empty one. */
export interface Answer {
  readonly status: number
  readonly body: unknown
}

/**
 * Sends `request` as the platform sends it to a webhook mounted at `base`, the request's `/`
 * being `base` itself, and reads the answer. Gives up after 5 s.
 *
 * @throws SyntaxError when a body is not JSON; the fetch's error when there is no answer.
 * @example
 * const { status, body } = await answer(`${origin}/langbot`, push)
 */
export async function answer(base: string, request: WebhookRequest): Promise<Answer> {
  const url = base + (request.url === '/' ? '' : request.url)
  const response = await fetch(testing.toRequest({ ...request, url }), {
    signal: AbortSignal.timeout(5_000),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? '' : JSON.parse(text) }
}

/**
 * Sends each check's request below `base` (and its `mount`), in order, and compares the status
 * and the body with the check's; prints `ok - <name>` for each. LangBot's message ids are
 * random: a check writes one as `in_<id>`.
 *
 * @throws AssertionError, named for the check, at the first answer that differs.
 * @example
 * await expectAnswers(`${origin}/telegram`, [
 *   { name: 'a wrong secret token is refused', request, status: 401, body },
 * ])
 */
export async function expectAnswers(base: string, checks: readonly Check[]): Promise<void> {
  for (const check of checks) {
    const { status, body } = await answer(base + (check.mount ?? ''), check.request)
    const byShape = JSON.parse(JSON.stringify(body), (_key, value) =>
      typeof value === 'string' && /^in_[0-9a-f]{32}$/.test(value) ? 'in_<id>' : value,
    )
    assert.deepEqual(
      { status, body: byShape },
      { status: check.status, body: check.body },
      check.name,
    )
    console.info(`ok - ${check.name}`)
  }
}
