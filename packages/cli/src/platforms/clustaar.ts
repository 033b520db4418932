import { clustaar as samples, sign } from '@chathooks/core/testing'
import { type CliPlatform, sample } from './types.ts'

/** Clustaar's step notifications, signed over their `Date` header and body. */
export const clustaarPlatform: CliPlatform = {
  name: 'clustaar',
  title: 'Clustaar',
  secretIs: "the webhook's private key",
  events: [
    { name: 'stepReached', alias: 'conversation.step_reached', build: sample(samples.stepReached) },
  ],
  fields: ['username', 'password', 'stepId', 'stepName', 'text', 'sessionValues', 'date'],
  // The preset's default `requestMaxAge`.
  windowSeconds: 10,
  path: async () => '/',
  async sign(body, secret, now) {
    const date = new Date(now).toUTCString()
    const signature = await sign(['date=', date, '\n', body], {
      secret,
      algorithm: 'sha1',
      prefix: 'sha1=',
    })
    return { date, 'x-hub-signature': signature }
  },
}
