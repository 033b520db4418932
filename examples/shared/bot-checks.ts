import * as testing from '@chathooks/core/testing'
import { expectAnswers } from './answers.ts'

/** The secrets a smoke test starts an app of `createBots` with, as environment variables. */
export const botSecrets = {
  TELEGRAM_SECRET_TOKEN: 'smoke-telegram-secret',
  VIBER_AUTH_TOKEN: 'smoke-viber-auth-token',
  PARARAM_BOT_SECRET: 'smoke-pararam-bot-secret',
  CLUSTAAR_PRIVATE_KEY: 'smoke-clustaar-private-key',
  LB_INBOUND_SECRET: 'smoke-langbot-inbound-secret',
} as const

/**
 * Checks an app that mounts the bots of `createBots`, started with `botSecrets`, at
 * `/telegram`, `/viber`, `/pararam`, `/clustaar` and `/langbot`, beside a `/health` route of its
 * own: each bot's signed request gets its reply, three requests that must be refused are (a
 * tampered Viber body, another pararam URL key, a stale LangBot push), and `/health` answers.
 *
 * @throws AssertionError, named for the check, at the first answer that differs.
 * @example
 * await withExample({ dir: import.meta.dirname, env: botSecrets, test: checkBots })
 */
export async function checkBots(origin: string): Promise<void> {
  // Built now that the app listens: Clustaar refuses a call whose Date is 10 s old.
  await expectAnswers(origin, [
    {
      name: 'Telegram: a message is answered with sendMessage',
      mount: '/telegram',
      request: await testing.telegram.message({
        secret: botSecrets.TELEGRAM_SECRET_TOKEN,
        text: 'hi',
      }),
      status: 200,
      body: { method: 'sendMessage', chat_id: 123456789, text: 'You said: hi' },
    },
    {
      name: 'Viber: conversation_started is answered with the welcome message',
      mount: '/viber',
      request: await testing.viber.conversationStarted({ secret: botSecrets.VIBER_AUTH_TOKEN }),
      status: 200,
      body: { sender: { name: 'Example bot' }, type: 'text', text: 'Hi John McClane!' },
    },
    {
      name: 'Viber: a callback whose body was changed is refused',
      mount: '/viber',
      request: await testing.viber.message({ secret: botSecrets.VIBER_AUTH_TOKEN, tamper: true }),
      status: 401,
      body: {
        error: 'signature_invalid',
        message: 'X-Viber-Content-Signature does not match the body',
      },
    },
    {
      name: "pararam: a message is answered with the bot's post",
      mount: '/pararam',
      request: await testing.pararam.message({
        secret: botSecrets.PARARAM_BOT_SECRET,
        text: 'ping',
      }),
      status: 200,
      body: { text: '@ana said: ping' },
    },
    {
      name: 'pararam: another URL key is a 404',
      mount: '/pararam',
      request: await testing.pararam.message({
        secret: botSecrets.PARARAM_BOT_SECRET,
        urlKey: 'guessed0',
      }),
      status: 404,
      body: { error: 'not_found', message: 'No webhook route matches this path' },
    },
    {
      name: 'Clustaar: the handled step is answered with its actions',
      mount: '/clustaar',
      request: await testing.clustaar.stepReached({
        secret: botSecrets.CLUSTAAR_PRIVATE_KEY,
        text: 'hello',
      }),
      status: 200,
      body: { actions: [{ type: 'send_text_action', alternatives: ['You said: hello'] }] },
    },
    {
      name: 'LangBot: /sync is answered with every reply part',
      mount: '/langbot',
      request: await testing.langbot.sync({ secret: botSecrets.LB_INBOUND_SECRET, text: 'hello' }),
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
      request: await testing.langbot.push({ secret: botSecrets.LB_INBOUND_SECRET, age: 301 }),
      status: 401,
      body: {
        code: 40101,
        msg: 'X-LB-Timestamp is not within 300 s of the current time',
        data: null,
      },
    },
    {
      name: "the app's own routes answer as before",
      mount: '/health',
      request: testing.request({ method: 'GET' }),
      status: 200,
      body: { ok: true },
    },
  ])
}
