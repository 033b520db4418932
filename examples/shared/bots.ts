import { createWebhook, StepID } from '@chathooks/core'
import { actions, clustaar } from '@chathooks/core/clustaar'
import { httpBot } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'
import { viber, welcome } from '@chathooks/core/viber'

/** Where the bots read their secrets: `process.env`, or any record of the same variables. */
export type BotsEnv = Readonly<Record<string, string | undefined>>

/**
 * Creates one small bot per platform, each a webhook that knows nothing of the framework that
 * mounts it, with its secret from `env`: `TELEGRAM_SECRET_TOKEN`, `VIBER_AUTH_TOKEN`,
 * `PARARAM_BOT_SECRET`, `CLUSTAAR_PRIVATE_KEY` and `CLUSTAAR_STEP_ID`, `LB_INBOUND_SECRET` and
 * `LB_CALLBACK_URL`. An unset variable takes a public default, for local tries only.
 *
 * @throws TypeError when a secret is set but empty: each preset refuses an empty secret.
 * @example
 * const bots = createBots(process.env)
 * app.use('/telegram', webhookMiddleware(bots.telegram))
 */
export function createBots(env: BotsEnv) {
  const read = (name: string, localDefault: string) => env[name] ?? localDefault

  const telegramBot = createWebhook(
    telegram({ secretToken: read('TELEGRAM_SECRET_TOKEN', 'local-only-not-a-secret') }),
  ).on('message', ({ payload }) =>
    reply.sendMessage({
      chat_id: payload.message.chat.id,
      text: `You said: ${payload.message.text ?? '…'}`,
    }),
  )

  // Viber lets a bot answer only conversation_started; every other callback just gets its 200.
  const viberBot = createWebhook(
    viber({ authToken: read('VIBER_AUTH_TOKEN', 'local-only-not-a-token') }),
  ).on('conversation_started', ({ payload }) =>
    welcome({ sender: { name: 'Example bot' }, text: `Hi ${payload.user.name}!` }),
  )

  // A string is published as the bot's reply post.
  const pararamBot = createWebhook(
    pararam({ secret: read('PARARAM_BOT_SECRET', 'local-only-not-a-secret') }),
  ).on('message', ({ payload }) => `@${payload.user_unique_name} said: ${payload.text}`)

  // Only the flow's step that calls the webhook is handled; any other step gets 404.
  const clustaarBot = createWebhook(
    clustaar({ privateKey: read('CLUSTAAR_PRIVATE_KEY', 'local-only-not-a-key') }),
  ).on(
    'conversation.step_reached',
    ({ payload }) => ({
      actions: [actions.sendText(`You said: ${payload.data.input?.text ?? '…'}`)],
    }),
    StepID(read('CLUSTAAR_STEP_ID', '507f191e810c19729de860ea')),
  )

  // Each reply() is one part, POSTed signed to the callback URL; the returned value is the last.
  const langbotBot = createWebhook(
    httpBot({
      inboundSecret: read('LB_INBOUND_SECRET', 'local-only-not-a-secret'),
      callbackUrl: read('LB_CALLBACK_URL', 'http://127.0.0.1:8900/callback'),
    }),
  ).on('message', ({ payload, reply }) => {
    reply('Thinking…')
    const text = payload.message.map((part) => (part.type === 'Plain' ? part.text : '')).join('')
    return `You said: ${text}`
  })

  return {
    telegram: telegramBot,
    viber: viberBot,
    pararam: pararamBot,
    clustaar: clustaarBot,
    langbot: langbotBot,
  }
}
