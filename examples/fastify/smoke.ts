import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

// Starts the example as `pnpm start` does, on a free port and with secrets of its own; sends
// each platform's bot a signed request over HTTP, and a few that must be refused, and checks
// every answer. Any difference, or 30 s passing, exits non-zero.
const secrets = {
  TELEGRAM_SECRET_TOKEN: 'smoke-telegram-secret',
  VIBER_AUTH_TOKEN: 'smoke-viber-auth-token',
  PARARAM_BOT_SECRET: 'smoke-pararam-bot-secret',
  CLUSTAAR_PRIVATE_KEY: 'smoke-clustaar-private-key',
  LB_INBOUND_SECRET: 'smoke-langbot-inbound-secret',
}

interface Check {
  readonly name: string
  /** Where the bot is mounted. */
  readonly mount: string
  readonly request: WebhookRequest
  readonly status: number
  readonly body: unknown
}

// Built once the example listens: Clustaar refuses a call whose Date is 10 s old.
const checks = async (): Promise<Check[]> => [
  {
    name: 'Telegram: a message is answered with sendMessage',
    mount: '/telegram',
    request: await testing.telegram.message({ secret: secrets.TELEGRAM_SECRET_TOKEN, text: 'hi' }),
    status: 200,
    body: { method: 'sendMessage', chat_id: 123456789, text: 'You said: hi' },
  },
  {
    name: 'Viber: conversation_started is answered with the welcome message',
    mount: '/viber',
    request: await testing.viber.conversationStarted({ secret: secrets.VIBER_AUTH_TOKEN }),
    status: 200,
    body: { sender: { name: 'Example bot' }, type: 'text', text: 'Hi John McClane!' },
  },
  {
    name: 'Viber: a callback whose body was changed is refused',
    mount: '/viber',
    request: await testing.viber.message({ secret: secrets.VIBER_AUTH_TOKEN, tamper: true }),
    status: 401,
    body: {
      error: 'signature_invalid',
      message: 'X-Viber-Content-Signature does not match the body',
    },
  },
  {
    name: "pararam: a message is answered with the bot's post",
    mount: '/pararam',
    request: await testing.pararam.message({ secret: secrets.PARARAM_BOT_SECRET, text: 'ping' }),
    status: 200,
    body: { text: '@ana said: ping' },
  },
  {
    name: 'pararam: another URL key is a 404',
    mount: '/pararam',
    request: await testing.pararam.message({
      secret: secrets.PARARAM_BOT_SECRET,
      urlKey: 'guessed0',
    }),
    status: 404,
    body: { error: 'not_found', message: 'No webhook route matches this path' },
  },
  {
    name: 'Clustaar: the handled step is answered with its actions',
    mount: '/clustaar',
    request: await testing.clustaar.stepReached({
      secret: secrets.CLUSTAAR_PRIVATE_KEY,
      text: 'hello',
    }),
    status: 200,
    body: { actions: [{ type: 'send_text_action', alternatives: ['You said: hello'] }] },
  },
  {
    name: 'LangBot: /sync is answered with every reply part',
    mount: '/langbot',
    request: await testing.langbot.sync({ secret: secrets.LB_INBOUND_SECRET, text: 'hello' }),
    status: 200,
    body: {
      code: 0,
      msg: 'ok',
      data: {
        session_id: 'ticket-10293',
        reply_to: 'in_<id>',
        message: [
          { type: 'Plain', text: 'Thinking…' },
          { type: 'Plain', text: 'You said: hello' },
        ],
      },
    },
  },
  {
    name: 'LangBot: a push signed more than 300 s ago is refused',
    mount: '/langbot',
    request: await testing.langbot.push({ secret: secrets.LB_INBOUND_SECRET, age: 301 }),
    status: 401,
    body: {
      code: 40101,
      msg: 'X-LB-Timestamp is not within 300 s of the current time',
      data: null,
    },
  },
]

await withExample({
  env: secrets,
  test: async (origin) => {
    for (const check of await checks()) await expectAnswer(origin + check.mount, check)
    const health = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(5_000) })
    assert.deepEqual(
      { status: health.status, body: await health.json() },
      { status: 200, body: { ok: true } },
    )
    console.info("ok - the app's own routes answer as before")
  },
})

/** Sends one check's request below `base` and compares the status and the JSON body. */
async function expectAnswer(base: string, check: Check): Promise<void> {
  const response = await fetch(below(base, check.request), { signal: AbortSignal.timeout(5_000) })
  // LangBot's message ids are random: they are compared by their shape.
  const body = JSON.parse(await response.text(), (_key, value) =>
    typeof value === 'string' && /^in_[0-9a-f]{32}$/.test(value) ? 'in_<id>' : value,
  )
  assert.deepEqual(
    { status: response.status, body },
    { status: check.status, body: check.body },
    check.name,
  )
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
