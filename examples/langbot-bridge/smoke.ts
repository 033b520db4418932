import assert from 'node:assert/strict'
import { createWebhook } from '@chathooks/core'
import {
  type CallbackPayload,
  callbackReceiver,
  type Envelope,
  type PushData,
} from '@chathooks/core/langbot'
import * as testing from '@chathooks/core/testing'
import { answer, expectAnswers, withExample } from '@chathooks/examples-shared/smoke'
import { serve } from '@chathooks/node'

// Starts the example as `pnpm start` does, on a free port, with secrets of its own and its
// callbacks going to a callbackReceiver on 127.0.0.1; pushes signed messages over HTTP and
// checks the answers and the reply parts, in the order they arrive. Any difference, or 30 s
// passing, exits non-zero.
const inbound = 'smoke-test-inbound-secret'
const outbound = 'smoke-test-outbound-secret'

// The caller's end: every verified part, in arrival order; `turnEnded` once the final one came.
const parts: CallbackPayload[] = []
let endTurn = () => {}
const turnEnded = new Promise<void>((resolve) => {
  endTurn = resolve
})
const receiver = createWebhook(callbackReceiver({ secret: outbound })).on(
  'reply',
  ({ payload }) => {
    parts.push(payload)
    if (payload.is_final) endTurn()
  },
)
const callbacks = await serve({ '/callback': receiver }, { port: 0 })

try {
  await withExample({
    dir: import.meta.dirname,
    env: {
      LB_INBOUND_SECRET: inbound,
      LB_OUTBOUND_SECRET: outbound,
      LB_CALLBACK_URL: `${callbacks.url}/callback`,
    },
    test: async (origin) => {
      const url = `${origin}/langbot`
      const push = await testing.langbot.push({ secret: inbound, text: 'Export fails' })
      const accepted = await answer(url, push)
      const replyTo = (accepted.body as Envelope<PushData>).data?.accepted_message_id ?? ''
      assert.match(replyTo, /^in_[0-9a-f]{32}$/)
      assert.deepEqual(accepted, {
        status: 202,
        body: {
          code: 0,
          msg: 'accepted',
          data: { session_id: 'ticket-10293', accepted_message_id: replyTo, aggregating: false },
        },
      })
      console.info('ok - a signed push is answered 202 at once')

      await turnEnded
      const texts = [
        'Looking into it…',
        'About "',
        'Export fails',
        '": ',
        'the export timed out, ',
        'it works again now.',
        'Anything else?',
      ]
      const last = texts.length - 1
      assert.deepEqual(
        parts.map(({ sequence, reply_to, stream, is_final, message }) => ({
          sequence,
          reply_to,
          stream,
          is_final,
          message,
        })),
        texts.map((text, index) => ({
          sequence: index + 1,
          reply_to: replyTo,
          stream: index > 0 && index < last,
          is_final: index === last,
          message: [{ type: 'Plain', text }],
        })),
      )
      console.info(`ok - its ${texts.length} reply parts arrive in order, the last one final`)

      await expectAnswers(url, [
        {
          name: 'the same push again is refused as a duplicate',
          request: push,
          status: 409,
          body: { code: 40901, msg: 'Idempotency key already accepted', data: null },
        },
        {
          name: 'a push signed more than 300 s ago is refused',
          request: await testing.langbot.push({ secret: inbound, age: 301 }),
          status: 401,
          body: {
            code: 40101,
            msg: 'X-LB-Timestamp is not within 300 s of the current time',
            data: null,
          },
        },
      ])
    },
  })
} finally {
  await callbacks.close()
}
