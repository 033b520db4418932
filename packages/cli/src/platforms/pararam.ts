import { pararam as samples, sign } from '@chathooks/core/testing'
import { type CliPlatform, sample } from './types.ts'

/** pararam.io's posts and `bot://` link clicks, below the URL key of the bot secret. */
export const pararamPlatform: CliPlatform = {
  name: 'pararam',
  title: 'pararam.io',
  secretIs: 'the bot secret',
  events: [
    { name: 'message', alias: 'message', build: sample(samples.message) },
    { name: 'action', alias: 'action', build: sample(samples.action) },
  ],
  fields: [
    'urlKey',
    'signatureEncoding',
    'chatId',
    'postNo',
    'userId',
    'organizationId',
    'text',
    'userUniqueName',
    'replyNo',
    'replyText',
    'fileGuid',
    'fileName',
    'attachments',
    'action',
    'params',
  ],
  windowSeconds: undefined,
  async path(secret) {
    // Loaded on use: the preset's module brings its schemas along.
    const { extractUrlKey } = await import('@chathooks/core/pararam')
    return `/${encodeURIComponent(extractUrlKey(secret))}`
  },
  sign: async (body, secret) => ({ 'x-signature': await sign(body, { secret }) }),
}
