import { createWebhook, StepID } from '@chathooks/core'
import { actions, clustaar } from '@chathooks/core/clustaar'
import { httpBot } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'
import { viber, welcome } from '@chathooks/core/viber'

// One small bot per platform, each with its secret from the environment. The defaults are
// public: use them for local tries only.
const env = (name: string, localDefault: string) => process.env[name] ?? localDefault

const telegramBot = createWebhook(
  telegram({ secretToken: env('TELEGRAM_SECRET_TOKEN', 'local-only-not-a-secret') }),
).on('message', ({ payload }) =>
  reply.sendMessage({
    chat_id: payload.message.chat.id,
    text: `You said: ${payload.message.text ?? '…'}`,
  }),
)

// Viber lets a bot answer only conversation_started; every other callback just gets its 200.
const viberBot = createWebhook(
  viber({ authToken: env('VIBER_AUTH_TOKEN', 'local-only-not-a-token') }),
).on('conversation_started', ({ payload }) =>
  welcome({ sender: { name: 'Example bot' }, text: `Hi ${payload.user.name}!` }),
)

// A string is published as the bot's reply post.
const pararamBot = createWebhook(
  pararam({ secret: env('PARARAM_BOT_SECRET', 'local-only-not-a-secret') }),
).on('message', ({ payload }) => `@${payload.user_unique_name} said: ${payload.text}`)

// Only the flow's step that calls the webhook is handled; any other step gets 404.
const clustaarBot = createWebhook(
  clustaar({ privateKey: env('CLUSTAAR_PRIVATE_KEY', 'local-only-not-a-key') }),
).on(
  'conversation.step_reached',
  ({ payload }) => ({
    actions: [actions.sendText(`You said: ${payload.data.input?.text ?? '…'}`)],
  }),
  StepID(env('CLUSTAAR_STEP_ID', '507f191e810c19729de860ea')),
)

// Each reply() is one part, POSTed signed to the callback URL; the returned value is the last.
const langbotBot = createWebhook(
  httpBot({
    inboundSecret: env('LB_INBOUND_SECRET', 'local-only-not-a-secret'),
    callbackUrl: env('LB_CALLBACK_URL', 'http://127.0.0.1:8900/callback'),
  }),
).on('message', ({ payload, reply }) => {
  reply('Thinking…')
  const text = payload.message.map((part) => (part.type === 'Plain' ? part.text : '')).join('')
  return `You said: ${text}`
})

/** The bots by platform; `main.ts` mounts each at its own path. */
export const bots = {
  telegram: telegramBot,
  viber: viberBot,
  pararam: pararamBot,
  clustaar: clustaarBot,
  langbot: langbotBot,
}
