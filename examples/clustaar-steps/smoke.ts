import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

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

interface Check {
  readonly name: string
  readonly request: WebhookRequest
  readonly status: number
  readonly body: unknown
}

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
  env: { CLUSTAAR_PRIVATE_KEY: secret },
  test: async (origin) => {
    for (const check of await checks()) await expectAnswer(origin, check)
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
