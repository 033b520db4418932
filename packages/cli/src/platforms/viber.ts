import { viber as samples, sign } from '@chathooks/core/testing'
import { type CliPlatform, sample } from './types.ts'

/** Viber's callbacks; the auth token signs each body with HMAC-SHA256. */
export const viberPlatform: CliPlatform = {
  name: 'viber',
  title: 'Viber',
  secretIs: "the bot's auth token",
  events: [
    { name: 'message', alias: 'message', build: sample(samples.message) },
    {
      name: 'conversationStarted',
      alias: 'conversation_started',
      build: sample(samples.conversationStarted),
    },
    { name: 'subscribed', alias: 'subscribed', build: sample(samples.subscribed) },
    { name: 'unsubscribed', alias: 'unsubscribed', build: sample(samples.unsubscribed) },
    { name: 'webhook', alias: 'webhook', build: sample(samples.webhook) },
    { name: 'delivered', alias: 'delivered', build: sample(samples.delivered) },
    { name: 'seen', alias: 'seen', build: sample(samples.seen) },
    { name: 'failed', alias: 'failed', build: sample(samples.failed) },
  ],
  fields: [
    'messageToken',
    'timestamp',
    'signatureIn',
    'user',
    'context',
    'subscribed',
    'sender',
    'text',
    'message',
    'userId',
    'desc',
  ],
  windowSeconds: undefined,
  path: async () => '/',
  sign: async (body, secret) => ({ 'x-viber-content-signature': await sign(body, { secret }) }),
}
