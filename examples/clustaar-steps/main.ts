import { createWebhook, StepID } from '@chathooks/core'
import { actions, clustaar } from '@chathooks/core/clustaar'
import { serve } from '@chathooks/node'

// The step ids of the bot's flow, as Clustaar's editor shows them. Each of these steps calls
// the webhook; `StepID` sends each call to the handler written for its step.
const STEPS = {
  menu: '66a0f1c2d3e4f5a6b7c8d901',
  askOrder: '66a0f1c2d3e4f5a6b7c8d902',
  orderFound: '66a0f1c2d3e4f5a6b7c8d903',
  human: '66a0f1c2d3e4f5a6b7c8d904',
}
const orders = new Map([['42-1337', 'on its way']])

// The webhook's private key in Clustaar signs every call. The default is public: use it for
// local tries only.
const privateKey = process.env.CLUSTAAR_PRIVATE_KEY ?? 'local-only-not-a-key'

const webhook = createWebhook(clustaar({ privateKey }))
  .on(
    'conversation.step_reached',
    () => ({
      actions: [
        actions.sendQuickReplies('What can I do for you?', [
          actions.quickReply('Track an order', actions.goTo(actions.step(STEPS.askOrder))),
          actions.quickReply('Talk to a human', actions.goTo(actions.step(STEPS.human))),
        ]),
      ],
    }),
    StepID(STEPS.menu),
  )
  .on(
    'conversation.step_reached',
    ({ payload }) => {
      const number = payload.data.input?.text?.trim() ?? ''
      const status = orders.get(number)
      // Clustaar picks one of the alternatives, so the bot does not repeat itself word for word.
      if (status === undefined) {
        return {
          actions: [actions.sendText(['I cannot find that order.', 'No order has that number.'])],
        }
      }
      return {
        actions: [
          actions.sendText(`Order ${number} is ${status}.`),
          // Later steps of the flow read it from the session, without calling the webhook.
          actions.storeSessionValue('order', number),
          actions.jumpTo(actions.step(STEPS.orderFound)),
        ],
      }
    },
    StepID(STEPS.askOrder),
  )
  .on(
    'conversation.step_reached',
    () => ({
      actions: [actions.sendText('A colleague takes over in a moment.'), actions.pauseBot()],
    }),
    StepID(STEPS.human),
  )
  .onError((error, event) => console.error(`the ${event?.name ?? 'incoming'} call failed`, error))

// Any other step gets 404, as Clustaar's own webhook framework answers: a step calling the
// webhook that nobody handles shows up in Clustaar's logs instead of passing in silence.
const server = await serve(webhook, {
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? '127.0.0.1',
})
console.info(`listening on ${server.url}, Clustaar's webhook URL: <public origin>/`)

// close() lets requests in flight finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close())
