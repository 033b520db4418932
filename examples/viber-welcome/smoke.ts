import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as testing from '@chathooks/core/testing'
import { answer, type Check, withExample } from '@chathooks/examples-shared/smoke'

// Starts the example as `pnpm start` does, on a free port, with a token of its own and its API
// client pointed at a stand-in Viber API on 127.0.0.1; sends it signed callbacks over HTTP and
// checks both what Viber is answered and what the bot sent to the API. Any difference, or 30 s
// passing, exits non-zero.
const secret = 'smoke-test-auth-token'
const user = { id: 'pW8x3kQ9b2LmZ0yT1aA7Cg==', name: 'Zoë' }
const sender = { name: 'Welcome bot' }

interface ApiCall {
  readonly endpoint: string
  readonly token: IncomingHttpHeaders[string]
  readonly body: unknown
}

// Viber's API as the bot sees it: every call is recorded and answered `status: 0`.
const calls: ApiCall[] = []
const viberApi = createServer(async (req, res) => {
  let text = ''
  for await (const chunk of req) text += chunk
  const endpoint = req.url?.slice(1) ?? ''
  calls.push({ endpoint, token: req.headers['x-viber-auth-token'], body: JSON.parse(text) })
  res.setHeader('content-type', 'application/json')
  // Viber writes message_token as a bare 64-bit integer.
  res.end(`{"status":0,"status_message":"ok","message_token":5741311803571721087}`)
}).listen(0, '127.0.0.1')
await once(viberApi, 'listening')
const apiUrl = `http://127.0.0.1:${(viberApi.address() as AddressInfo).port}`

interface ViberCheck extends Check {
  /** The API calls the bot made for this request. */
  readonly sent?: readonly ApiCall[]
}

const subscribed = await testing.viber.subscribed({ secret, user })
const checks: ViberCheck[] = [
  {
    name: "Viber's webhook check is answered 200",
    request: await testing.viber.webhook({ secret }),
    status: 200,
    body: '',
  },
  {
    name: 'conversation_started is answered with the welcome message',
    request: await testing.viber.conversationStarted({ secret, user }),
    status: 200,
    body: { sender, type: 'text', text: 'Hi Zoë! Send any message to subscribe.' },
  },
  {
    name: 'subscribed sends a message through the API',
    request: subscribed,
    status: 200,
    body: '',
    sent: [
      {
        endpoint: 'send_message',
        token: secret,
        body: { receiver: user.id, sender, type: 'text', text: 'Thanks for subscribing, Zoë!' },
      },
    ],
  },
  {
    // The same bytes again: what Viber sends when it did not get our 200 in time.
    name: 'a repeated subscribed is answered 200 and sends nothing',
    request: subscribed,
    status: 200,
    body: '',
    sent: [],
  },
  {
    name: 'a callback whose body was changed is refused',
    request: await testing.viber.message({ secret, tamper: true }),
    status: 401,
    body: {
      error: 'signature_invalid',
      message: 'X-Viber-Content-Signature does not match the body',
    },
    sent: [],
  },
]

try {
  await withExample({
    dir: import.meta.dirname,
    env: {
      VIBER_AUTH_TOKEN: secret,
      VIBER_API_URL: apiUrl,
      PUBLIC_URL: 'https://bot.example.com',
    },
    test: async (origin) => {
      const registration = calls.splice(0)
      assert.deepEqual(registration, [
        {
          endpoint: 'set_webhook',
          token: secret,
          body: {
            url: 'https://bot.example.com/viber',
            event_types: ['conversation_started', 'subscribed', 'unsubscribed'],
          },
        },
      ])
      console.info('ok - the webhook is registered on start')
      for (const check of checks) await expectAnswer(`${origin}/viber`, check)
    },
  })
} finally {
  viberApi.close()
}

/** Sends one check's request below `base`; compares the status, the body and the API calls. */
async function expectAnswer(base: string, check: ViberCheck): Promise<void> {
  const actual = await answer(base, check.request)
  assert.deepEqual(actual, { status: check.status, body: check.body }, check.name)
  if (check.sent !== undefined) assert.deepEqual(calls.splice(0), check.sent, check.name)
  console.info(`ok - ${check.name}`)
}
