import * as testing from '@chathooks/core/testing'
import { expectAnswers } from './answers.ts'

/** The secrets a smoke test starts the Bun or the Deno example with. */
export const runtimeSecrets = {
  TELEGRAM_SECRET_TOKEN: 'smoke-test-telegram-token',
  PARARAM_BOT_SECRET: 'smoke-test-pararam-secret',
} as const

/**
 * Checks the Bun or the Deno example, started with `runtimeSecrets`: the same Telegram and
 * pararam webhooks, served through `webhook.fetch` at `/telegram` and `/pararam`, each told its
 * mount point. Telegram's reply and pararam's post come back, a click on pararam's `/act` is
 * acknowledged, a wrong Telegram secret token is refused, and another pararam URL key and a
 * path outside both mounts get 404.
 *
 * @throws AssertionError, named for the check, at the first answer that differs.
 * @example
 * await withExample({ dir: import.meta.dirname, env: runtimeSecrets, test: checkRuntimeBots })
 */
export async function checkRuntimeBots(origin: string): Promise<void> {
  const telegram = { secret: runtimeSecrets.TELEGRAM_SECRET_TOKEN }
  const pararam = { secret: runtimeSecrets.PARARAM_BOT_SECRET }
  await expectAnswers(origin, [
    {
      name: 'Telegram: a message is answered with sendMessage',
      mount: '/telegram',
      request: await testing.telegram.message({ ...telegram, text: 'hi' }),
      status: 200,
      body: { method: 'sendMessage', chat_id: 123456789, text: 'You said: hi' },
    },
    {
      name: 'Telegram: a wrong secret token is refused',
      mount: '/telegram',
      request: await testing.telegram.message({ ...telegram, tamper: true }),
      status: 401,
      body: {
        error: 'signature_invalid',
        message: 'X-Telegram-Bot-Api-Secret-Token does not match',
      },
    },
    {
      name: "pararam: a message below the URL key is answered with the bot's post",
      mount: '/pararam',
      request: await testing.pararam.message({ ...pararam, text: 'ping' }),
      status: 200,
      body: { text: '@ana said: ping' },
    },
    {
      name: 'pararam: a click on /act, which no handler takes, is acknowledged',
      mount: '/pararam',
      request: await testing.pararam.action({ ...pararam, action: 'vote' }),
      status: 200,
      body: {},
    },
    {
      name: 'pararam: another URL key is a 404',
      mount: '/pararam',
      request: await testing.pararam.message({ ...pararam, urlKey: 'guessed0' }),
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
  ])
}
