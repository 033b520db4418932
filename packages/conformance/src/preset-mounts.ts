import { createWebhook, type WebhookOptions } from '@chathooks/core'
import { callbackReceiver, httpBot, type Segment } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { telegram } from '@chathooks/core/telegram'
import { LANGBOT_SECRET, NOW, PARARAM_SECRET, TELEGRAM_SECRET, TELEGRAM_TOKEN } from './fixtures.ts'
import type { Observer } from './observer.ts'
import { recorded } from './recorded.ts'
import type { ScenarioMounts } from './scenario.ts'

const now = () => NOW

/**
 * The presets with sub-routes, each answering with an echo of what it received: Telegram's
 * `sendMessage`, pararam's post or the action's name, LangBot's reply part. LangBot's
 * callbacks go, signed, to a `callbackReceiver` webhook in this process (mount
 * `langbot-callback` in the observations), so no network is needed on any runtime.
 */
export function presetMounts(observer: Observer, options: WebhookOptions): ScenarioMounts {
  const receiver = createWebhook(callbackReceiver({ secret: LANGBOT_SECRET, now }), options).on(
    'reply',
    ({ request }) => void observer.delivered('langbot-callback', request),
  )
  const bot = httpBot({
    inboundSecret: LANGBOT_SECRET,
    callbackUrl: 'http://127.0.0.1/langbot-callback',
    callbackRetries: 0,
    fetch: (input, init) => receiver.fetch(new Request(input, init)),
    now,
  })
  const telegramBots = telegram({ tokens: [TELEGRAM_TOKEN], secretToken: TELEGRAM_SECRET })
  return {
    '/telegram': recorded('/telegram', createWebhook(telegramBots, options), observer).on(
      'message',
      ({ payload }) => ({
        method: 'sendMessage',
        chat_id: payload.message.chat.id,
        text: `echo: ${payload.message.text ?? ''}`,
      }),
    ),
    '/pararam': recorded(
      '/pararam',
      createWebhook(pararam({ secret: PARARAM_SECRET }), options),
      observer,
    )
      .on('message', ({ payload }) => `echo: ${payload.text}`)
      .on('action', ({ payload }) => ({ action: payload.action, params: payload.params })),
    '/langbot': recorded('/langbot', createWebhook(bot, options), observer).on(
      'message',
      ({ payload }) => `echo: ${plainText(payload.message)}`,
    ),
  }
}

/** The text of a LangBot message's `Plain` segments. */
function plainText(message: readonly Segment[]): string {
  return message.flatMap((segment) => (segment.type === 'Plain' ? [segment.text] : [])).join('')
}
