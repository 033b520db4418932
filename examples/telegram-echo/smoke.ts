import * as testing from '@chathooks/core/testing'
import { type Check, expectAnswers, withExample } from '@chathooks/examples-shared/smoke'

// Starts the example as `pnpm start` does, on a free port and with a secret of its own, sends it
// signed updates over HTTP and checks what Telegram is answered. Any difference, or 30 s
// passing, exits non-zero.
const secret = 'smoke-test-secret-token'
const echo = (text: string) => ({
  method: 'sendMessage',
  chat_id: 123456789,
  text,
  reply_parameters: { message_id: 42 },
})

const checks: Check[] = [
  {
    name: 'a text message is echoed inside the answer',
    request: await testing.telegram.message({ secret, text: 'Olá 👋', updateId: 1 }),
    status: 200,
    body: echo('Olá 👋'),
  },
  {
    name: 'a repeated update is answered without running the handler',
    request: await testing.telegram.message({ secret, text: 'Olá 👋', updateId: 1 }),
    status: 200,
    body: {},
  },
  {
    name: '/start gets the greeting',
    request: await testing.telegram.message({ secret, text: '/start' }),
    status: 200,
    body: echo('Hi! Send me a message and I will send it back.'),
  },
  {
    name: 'a message without text gets no reply',
    request: await testing.telegram.message({ secret, fields: { text: undefined } }),
    status: 200,
    body: {},
  },
  {
    name: 'a wrong secret token is refused',
    request: await testing.telegram.message({ secret, tamper: true }),
    status: 401,
    body: {
      error: 'signature_invalid',
      message: 'X-Telegram-Bot-Api-Secret-Token does not match',
    },
  },
]

await withExample({
  dir: import.meta.dirname,
  env: { TELEGRAM_SECRET_TOKEN: secret },
  test: (origin) => expectAnswers(`${origin}/telegram`, checks),
})
