import { type AnyWebhook, createWebhook } from '@chathooks/core'
import { pararam, reply } from '@chathooks/core/pararam'
import { type BotOptions, quoted, reportFailure } from './report.ts'

/**
 * A pararam.io bot that answers each post with a reply post quoting it, and each `bot://`
 * link click with the action and its parameters.
 *
 * @throws TypeError from the preset when the secret is empty or has a `/` in its URL key.
 * @example
 * ```ts
 * const webhook = pararamBot({ secret, report })
 * ```
 */
export function pararamBot({ secret, report }: BotOptions): AnyWebhook {
  return createWebhook(pararam({ secret }))
    .on('message', ({ payload }) => {
      const text = `@${payload.user_unique_name} said: ${payload.text}`
      report('message', `reply post ${quoted(text)}`)
      return reply.text(text)
    })
    .on('action', ({ payload }) => {
      const params = Object.entries(payload.params).map(([name, value]) => `${name}=${value}`)
      const text = `Action ${payload.action}${params.length > 0 ? ` with ${params.join(', ')}` : ''}`
      report('action', `reply post ${quoted(text)}`)
      return reply.text(text)
    })
    .onError(reportFailure(report))
}
