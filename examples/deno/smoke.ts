import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

// Starts the example on Deno as `pnpm start` does (Deno's own binary from node_modules, not a
// shim that would not pass SIGTERM on), on a free port and with secrets of its own; sends it
// signed requests over HTTP and checks the answers. Any difference, or 30 s passing, exits
// non-zero.
const telegramSecret = 'smoke-test-telegram-token'
const pararamSecret = 'smoke-test-pararam-secret'

interface Check {
  readonly name: string
  /** Where the webhook is mounted. */
  readonly mount: string
  readonly request: WebhookRequest
  readonly status: number
  readonly body: unknown
}

const checks: Check[] = [
  {
    name: 'Telegram: a message is answered with sendMessage',
    mount: '/telegram',
    request: await testing.telegram.message({ secret: telegramSecret, text: 'hi' }),
    status: 200,
    body: { method: 'sendMessage', chat_id: 123456789, text: 'You said: hi' },
  },
  {
    name: 'Telegram: a wrong secret token is refused',
    mount: '/telegram',
    request: await testing.telegram.message({ secret: telegramSecret, tamper: true }),
    status: 401,
    body: {
      error: 'signature_invalid',
      message: 'X-Telegram-Bot-Api-Secret-Token does not match',
    },
  },
  {
    name: "pararam: a message below the URL key is answered with the bot's post",
    mount: '/pararam',
    request: await testing.pararam.message({ secret: pararamSecret, text: 'ping' }),
    status: 200,
    body: { text: '@ana said: ping' },
  },
  {
    name: 'pararam: a click on /act, which no handler takes, is acknowledged',
    mount: '/pararam',
    request: await testing.pararam.action({ secret: pararamSecret, action: 'vote' }),
    status: 200,
    body: {},
  },
  {
    name: 'pararam: another URL key is a 404',
    mount: '/pararam',
    request: await testing.pararam.message({ secret: pararamSecret, urlKey: 'guessed0' }),
    status: 404,
    body: { error: 'not_found', message: 'No webhook route matches this path' },
  },
  {
    name: 'a path outside every mount is a 404',
    mount: '/viber',
    request: await testing.viber.webhook({ secret: 'any' }),
    status: 404,
    body: { error: 'not_found', message: 'Nothing is mounted here' },
  },
]

await withExample({
  env: { TELEGRAM_SECRET_TOKEN: telegramSecret, PARARAM_BOT_SECRET: pararamSecret },
  test: async (origin) => {
    for (const check of checks) await expectAnswer(origin + check.mount, check)
  },
})

/** Sends one check's request below `base` and compares the status and the JSON body. */
async function expectAnswer(base: string, check: Check): Promise<void> {
  const request = below(base, check.request)
  const response = await fetch(request, { signal: AbortSignal.timeout(5_000) })
  const text = await response.text()
  const actual = { status: response.status, body: text === '' ? '' : JSON.parse(text) }
  assert.deepEqual(actual, { status: check.status, body: check.body }, check.name)
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
