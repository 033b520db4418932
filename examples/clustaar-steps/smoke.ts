import * as testing from '@chathooks/core/testing'
import { type Check, expectAnswers, withExample } from '@chathooks/examples-shared/smoke'

// Starts the example as `pnpm start` does, on a free port and with a key of its own, sends it
// signed step calls over HTTP and checks the actions Clustaar is answered. Any difference, or
// 30 s passing, exits non-zero.
const secret = 'smoke-test-private-key'
const steps = {
  menu: '66a0f1c2d3e4f5a6b7c8d901',
  askOrder: '66a0f1c2d3e4f5a6b7c8d902',
  orderFound: '66a0f1c2d3e4f5a6b7c8d903',
  human: '66a0f1c2d3e4f5a6b7c8d904',
  unknown: '66a0f1c2d3e4f5a6b7c8d9ff',
}
const stepCall = (stepId: string, options: { text?: string; age?: number } = {}) =>
  testing.clustaar.stepReached({ secret, stepId, ...options })

// Built once the example listens: Clustaar's calls are refused when their Date is 10 s old.
const checks = async (): Promise<Check[]> => [
  {
    name: 'the menu step offers quick replies',
    request: await stepCall(steps.menu),
    status: 200,
    body: {
      actions: [
        {
          type: 'send_quick_replies_action',
          message: 'What can I do for you?',
          buttons: [
            {
              type: 'quick_reply',
              title: 'Track an order',
              action: { type: 'go_to_action', target: { type: 'step', id: steps.askOrder } },
            },
            {
              type: 'quick_reply',
              title: 'Talk to a human',
              action: { type: 'go_to_action', target: { type: 'step', id: steps.human } },
            },
          ],
        },
      ],
    },
  },
  {
    name: 'a known order number is answered, stored in the session, and the flow jumps on',
    request: await stepCall(steps.askOrder, { text: ' 42-1337 ' }),
    status: 200,
    body: {
      actions: [
        { type: 'send_text_action', alternatives: ['Order 42-1337 is on its way.'] },
        { type: 'store_session_value_action', key: 'order', value: '42-1337' },
        {
          type: 'jump_to_action',
          connections: [],
          defaultTarget: { type: 'step', id: steps.orderFound },
        },
      ],
    },
  },
  {
    name: 'an unknown order number gets one of two texts and no jump',
    request: await stepCall(steps.askOrder, { text: '7' }),
    status: 200,
    body: {
      actions: [
        {
          type: 'send_text_action',
          alternatives: ['I cannot find that order.', 'No order has that number.'],
        },
      ],
    },
  },
  {
    name: 'the human step hands over and pauses the bot',
    request: await stepCall(steps.human),
    status: 200,
    body: {
      actions: [
        { type: 'send_text_action', alternatives: ['A colleague takes over in a moment.'] },
        { type: 'pause_bot_action' },
      ],
    },
  },
  {
    name: 'a step no handler is written for gets 404, as Clustaar expects',
    request: await stepCall(steps.unknown),
    status: 404,
    body: { error: 'not_found', message: 'No handler matches this notification' },
  },
  {
    name: 'a call signed a minute ago is refused as a replay',
    request: await stepCall(steps.menu, { age: 60 }),
    status: 401,
    body: {
      error: 'timestamp_out_of_window',
      message: 'Date is not within 10 s of the current time',
    },
  },
]

await withExample({
  dir: import.meta.dirname,
  env: { CLUSTAAR_PRIVATE_KEY: secret },
  test: async (origin) => expectAnswers(origin, await checks()),
})
