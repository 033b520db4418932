import type { WebhookRequest } from '@chathooks/core'
import { CliError } from './cli-error.ts'
import type { CliEvent, SampleOptions } from './platforms/index.ts'

/**
 * Builds an event's signed sample, turning a builder's complaint about a field's value (a
 * `TypeError` naming it) into a CLI error.
 *
 * @throws CliError `bad_data` with the builder's message.
 * @example
 * ```ts
 * const request = await buildSample(findEvent(platform, 'message'), { secret, text: 'hi' })
 * ```
 */
export async function buildSample(
  event: CliEvent,
  options: SampleOptions,
): Promise<WebhookRequest> {
  try {
    return await event.build(options)
  } catch (error) {
    if (error instanceof TypeError) throw new CliError('bad_data', error.message)
    throw error
  }
}
