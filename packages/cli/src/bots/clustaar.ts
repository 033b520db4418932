import { type AnyWebhook, createWebhook, StepID } from '@chathooks/core'
import { actions, clustaar } from '@chathooks/core/clustaar'
import { type BotOptions, quoted, reportFailure } from './report.ts'

/** The step `stepReached` samples reach by default: "Ask order number". */
const ORDER_STEP = '507f191e810c19729de860ea'

/**
 * A Clustaar bot routed by step: the order step (`ORDER_STEP`) answers with the order's
 * status and stores it in the session; every other step echoes the visitor's message.
 *
 * @throws TypeError from the preset when the private key is empty.
 * @example
 * ```ts
 * const webhook = clustaarBot({ secret: privateKey, report })
 * ```
 */
export function clustaarBot({ secret, report }: BotOptions): AnyWebhook {
  return createWebhook(clustaar({ privateKey: secret }))
    .on(
      'conversation.step_reached',
      () => {
        report('stepReached', 'StepID(order): send_text + store_session_value')
        return {
          actions: [
            actions.sendText(['Your order 42-1337 has shipped.', 'Order 42-1337 is on its way.']),
            actions.storeSessionValue('order_status', 'shipped'),
          ],
        }
      },
      StepID(ORDER_STEP),
    )
    .on('conversation.step_reached', ({ payload }) => {
      const text = `You said: ${payload.data.input?.text ?? '(nothing)'}`
      report('stepReached', `step ${quoted(payload.data.step.name, 24)}: send_text ${quoted(text)}`)
      return { actions: [actions.sendText(text)] }
    })
    .onError(reportFailure(report))
}
