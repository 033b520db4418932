import type { WebhookRequest } from '@chathooks/core'
import { telegram as samples } from '@chathooks/core/testing'
import { type CliPlatform, sample, snakeCase } from './types.ts'

// Every update type has its builder, named in camelCase. Read from the builders rather than
// from the preset's list, so that starting the CLI does not load every update's schema.
const builders = Object.entries(
  samples as Readonly<Record<string, (options: never) => Promise<WebhookRequest>>>,
).sort(([a], [b]) => (a === 'message' ? -1 : b === 'message' ? 1 : 0))

/** Every update type of the Bot API, by its builder's name (`callbackQuery`) and Telegram's. */
export const telegramPlatform: CliPlatform = {
  name: 'telegram',
  title: 'Telegram',
  secretIs: 'the secret_token given to setWebhook',
  events: builders.map(([name, builder]) => ({
    name,
    alias: snakeCase(name),
    build: sample(builder),
  })),
  fields: ['updateId', 'botToken', 'userId', 'fields', 'text', 'chatId', 'data', 'query'],
  windowSeconds: undefined,
  path: async () => '/',
  // Telegram signs no body: the secret token travels as it is.
  sign: async (_body, secret) => ({ 'x-telegram-bot-api-secret-token': secret }),
}
