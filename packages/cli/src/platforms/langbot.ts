import { langbot as samples, sign } from '@chathooks/core/testing'
import { type CliPlatform, sample } from './types.ts'

/** LangBot's HTTP Bot protocol: pushes to a bot end, and reply parts to a callback receiver. */
export const langbotPlatform: CliPlatform = {
  name: 'langbot',
  title: 'LangBot',
  secretIs: "the bot's inbound secret (its outbound one for callback)",
  events: [
    { name: 'push', alias: 'message', build: sample(samples.push) },
    { name: 'sync', alias: 'sync', build: sample(samples.sync) },
    { name: 'reset', alias: 'reset', build: sample(samples.reset) },
    { name: 'callback', alias: 'reply', build: sample(samples.callback) },
  ],
  fields: [
    'sessionId',
    'sessionType',
    'text',
    'message',
    'sender',
    'idempotencyKey',
    'replyTo',
    'sequence',
    'isFinal',
    'stream',
    'timestamp',
  ],
  windowSeconds: 300,
  path: async () => '/',
  async sign(body, secret, now) {
    const timestamp = String(Math.floor(now / 1000))
    const signature = await sign([timestamp, '.', body], { secret, prefix: 'sha256=' })
    return { 'x-lb-timestamp': timestamp, 'x-lb-signature': signature }
  },
}
