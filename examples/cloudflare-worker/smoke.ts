import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import type { Readable } from 'node:stream'
import * as testing from '@chathooks/core/testing'
import { type Check, expectAnswers, script, withExample } from '@chathooks/examples-shared/smoke'

// Bundles the Worker as `pnpm start` does, serves it with workerd on a port workerd picks, with
// secrets of its own, sends it signed requests over HTTP, checks the answers, and expects
// workerd to exit 0 on SIGTERM. Any difference, or 30 s passing, exits non-zero; workerd is
// stopped either way, and killed if it is still running 5 s after SIGTERM.
const secrets = {
  TELEGRAM_SECRET_TOKEN: 'smoke-telegram-secret',
  VIBER_AUTH_TOKEN: 'smoke-viber-auth-token',
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
const [bundler = '', ...bundleArgs] = script(here, 'bundle')
const bundled = spawnSync(bundler, bundleArgs, { cwd: here, stdio: 'inherit', timeout: 30_000 })
assert.equal(bundled.status, 0, 'the Worker bundles')
console.info('ok - the Worker bundles for workerd')

// workerd's own binary, not the node_modules/.bin shim: a shim runs the binary as its child,
// which a signal to the shim never reaches. `--control-fd 3` reports the port it bound.
await withExample({
  dir: here,
  env: secrets,
  command: [
    `${here}/node_modules/workerd/bin/workerd`,
    ...['serve', 'workerd.capnp', '--socket-addr', 'http=127.0.0.1:0', '--control-fd', '3'],
  ],
  control: listeningOrigin,
  test: (origin) => expectAnswers(origin, checks),
})

/** The origin of the `http` socket, once workerd reports on its control pipe that it listens. */
async function listeningOrigin(control: Readable): Promise<string> {
  let pending = ''
  for await (const chunk of control.setEncoding('utf8')) {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const message = JSON.parse(line) as Partial<Listen>
      if (message.event === 'listen' && message.socket === 'http' && message.port)
        return `http://127.0.0.1:${message.port}`
    }
  }
  throw new Error('workerd exited before it listened')
}

interface Listen {
  readonly event: string
  readonly socket: string
  readonly port: number
}
