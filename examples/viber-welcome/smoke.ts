import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

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

interface Check {
  readonly name: string
  readonly request: WebhookRequest
  readonly status: number
  readonly body: unknown
  /** The API calls the bot made for this request. */
  readonly sent?: readonly ApiCall[]
}

const subscribed = await testing.viber.subscribed({ secret, user })
const checks: Check[] = [
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
async function expectAnswer(base: string, check: Check): Promise<void> {
  const request = below(base, check.request)
  const response = await fetch(request, { signal: AbortSignal.timeout(5_000) })
  const text = await response.text()
  const actual = { status: response.status, body: text === '' ? '' : JSON.parse(text) }
  assert.deepEqual(actual, { status: check.status, body: check.body }, check.name)
  if (check.sent !== undefined) assert.deepEqual(calls.splice(0), check.sent, check.name)
  console.info(`ok - ${check.name}`)
}
/** The request as a platform sends it to the webhook mounted at `base`: `/` is `base` itself. */
function below(base: string, request: WebhookRequest): Request {
  return testing.toRequest({ ...request, url: base + (request.url === '/' ? '' : request.url) })
}

interface Run {
  readonly env: Readonly<Record<string, string>>
  readonly test: (origin: string) => Promise<void>
}

/**
 * Runs the example's `start` script from package.json, exactly what `pnpm start` runs, on port 0;
 * hands `test` the origin it prints, then stops it with SIGTERM and expects exit code 0. A child
 * still running after 30 s is killed and the smoke test fails.
 */
async function withExample({ env, test }: Run): Promise<void> {
  const manifest = readFileSync(`${import.meta.dirname}/package.json`, 'utf8')
  const [command = '', ...args] = (JSON.parse(manifest) as Manifest).scripts.start.split(' ')
  const child = spawn(command, args, {
    cwd: import.meta.dirname,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit') as Promise<[number | null]>
  const deadline = setTimeout(() => {
    child.kill('SIGKILL')
    console.error('smoke: not done within 30 s')
    process.exit(1)
  }, 30_000)
  const stop = async () => {
    child.kill('SIGTERM')
    const [code] = await exited
    clearTimeout(deadline)
    return code
  }
  const origin = new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const url = /listening on (http:\/\/[\w.:[\]]+)/.exec(output)?.[1]
      if (url !== undefined) resolve(url)
    })
    void exited.then(([code]) => reject(new Error(`the example exited (${code}):\n${output}`)))
  })
  try {
    await test(await origin)
  } catch (error) {
    await stop()
    throw error
  }
  assert.equal(await stop(), 0, 'the example exits 0 on SIGTERM')
  console.info('ok - the example shuts down cleanly on SIGTERM')
}

interface Manifest {
  readonly scripts: { readonly start: string }
}
