import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { Readable } from 'node:stream'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'

// Bundles the Worker as `pnpm start` does, serves it with workerd on a port workerd picks, with
// secrets of its own, sends it signed requests over HTTP and checks the answers. Any
// difference, or 30 s passing, exits non-zero; workerd is killed either way.
const secrets = {
  TELEGRAM_SECRET_TOKEN: 'smoke-telegram-secret',
  VIBER_AUTH_TOKEN: 'smoke-viber-auth-token',
}

interface Check {
  readonly name: string
  /** Where the webhook is mounted. */
  readonly mount: string
  readonly request: WebhookRequest
  readonly status: number
  readonly body: unknown
}

const update = await testing.telegram.message({ secret: secrets.TELEGRAM_SECRET_TOKEN, text: 'hi' })
const checks: Check[] = [
  {
    name: 'Telegram: a message is answered with sendMessage',
    mount: '/telegram',
    request: update,
    status: 200,
    body: { method: 'sendMessage', chat_id: 123456789, text: 'You said: hi' },
  },
  {
    name: 'Telegram: the same update again is not handled twice by the isolate',
    mount: '/telegram',
    request: update,
    status: 200,
    body: {},
  },
  {
    name: 'Viber: conversation_started is answered with the welcome message',
    mount: '/viber',
    request: await testing.viber.conversationStarted({ secret: secrets.VIBER_AUTH_TOKEN }),
    status: 200,
    body: { sender: { name: 'Worker bot' }, type: 'text', text: 'Hi John McClane!' },
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
]

const here = import.meta.dirname
const manifest = JSON.parse(readFileSync(`${here}/package.json`, 'utf8')) as Manifest
const [bundler = '', ...bundleArgs] = manifest.scripts.bundle.split(' ')
const bundled = spawnSync(bundler, bundleArgs, { cwd: here, stdio: 'inherit', timeout: 30_000 })
assert.equal(bundled.status, 0, 'the Worker bundles')
console.info('ok - the Worker bundles for workerd')

// workerd's own binary, not the node_modules/.bin shim: a shim runs the binary as its child,
// which a signal to the shim never reaches. `--control-fd 3` reports the port it bound.
const workerd = spawn(
  `${here}/node_modules/workerd/bin/workerd`,
  ['serve', 'workerd.capnp', '--socket-addr', 'http=127.0.0.1:0', '--control-fd', '3'],
  {
    cwd: here,
    env: { ...process.env, ...secrets },
    stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
  },
)
const exited = once(workerd, 'exit')
const deadline = setTimeout(() => {
  workerd.kill('SIGKILL')
  console.error('smoke: not done within 30 s')
  process.exit(1)
}, 30_000)
try {
  const port = await listeningPort(workerd.stdio[3] as Readable)
  for (const check of checks) await expectAnswer(`http://127.0.0.1:${port}${check.mount}`, check)
} finally {
  workerd.kill('SIGTERM')
  const killed = setTimeout(() => workerd.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(killed)
  clearTimeout(deadline)
}
console.info('ok - workerd stopped')

/** The port workerd reports for the `http` socket once it listens. */
async function listeningPort(control: Readable): Promise<number> {
  let pending = ''
  for await (const chunk of control.setEncoding('utf8')) {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const message = JSON.parse(line) as Partial<Listen>
      if (message.event === 'listen' && message.socket === 'http' && message.port)
        return message.port
    }
  }
  throw new Error('workerd exited before it listened')
}

/** Sends one check's request below `base` and compares the status and the JSON body. */
async function expectAnswer(base: string, check: Check): Promise<void> {
  const request = testing.toRequest({
    ...check.request,
    url: base + (check.request.url === '/' ? '' : check.request.url),
  })
  const response = await fetch(request, { signal: AbortSignal.timeout(5_000) })
  const text = await response.text()
  const actual = { status: response.status, body: text === '' ? '' : JSON.parse(text) }
  assert.deepEqual(actual, { status: check.status, body: check.body }, check.name)
  console.info(`ok - ${check.name}`)
}

interface Listen {
  readonly event: string
  readonly socket: string
  readonly port: number
}

interface Manifest {
  readonly scripts: { readonly bundle: string }
}
