import type { AnyWebhook } from '@chathooks/core'
import { clustaarBot } from '../bots/clustaar.ts'
import { langbotBot } from '../bots/langbot.ts'
import { pararamBot } from '../bots/pararam.ts'
import { telegramBot } from '../bots/telegram.ts'
import { viberBot } from '../bots/viber.ts'
import type { PlatformName } from '../platforms/index.ts'
import type { Journal } from './journal.ts'
import { DEMO_SECRETS } from './secrets.ts'

/**
 * The demo's five bots, the same ones `chathooks serve` runs, each reporting to the journal;
 * LangBot's callbacks go to `callbackUrl`. Viber's has no API to echo through: it runs offline.
 *
 * @example
 * ```ts
 * const bots = createDemoBots(journal, receiver.url)
 * ```
 */
export function createDemoBots(
  journal: Journal,
  callbackUrl: string,
): Record<PlatformName, AnyWebhook> {
  return {
    telegram: telegramBot({ secret: DEMO_SECRETS.telegram, report: journal.reporter('telegram') }),
    viber: viberBot({ secret: DEMO_SECRETS.viber, report: journal.reporter('viber') }),
    pararam: pararamBot({ secret: DEMO_SECRETS.pararam, report: journal.reporter('pararam') }),
    clustaar: clustaarBot({ secret: DEMO_SECRETS.clustaar, report: journal.reporter('clustaar') }),
    langbot: langbotBot({
      secret: DEMO_SECRETS.langbot,
      report: journal.reporter('langbot'),
      callbackUrl,
    }),
  }
}
