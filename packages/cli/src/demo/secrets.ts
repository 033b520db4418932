import type { PlatformName } from '../platforms/index.ts'

/**
 * The demo's secrets, one per platform. They sign requests to a server on 127.0.0.1 that
 * lives for one run: never use them for a real bot.
 */
export const DEMO_SECRETS: Readonly<Record<PlatformName, string>> = {
  telegram: 'demo-telegram-secret-token',
  viber: 'demo-viber-auth-token',
  pararam: 'demokey1-pararam-bot-secret',
  clustaar: 'demo-clustaar-private-key',
  langbot: 'demo-langbot-secret',
}
