import type {
  QuickReply,
  SendImageAction,
  SendJsEventAction,
  SendQuickRepliesAction,
  SendTextAction,
} from './action-types.ts'
import { boundedList, boundedText, LIMITS, nonEmpty, record, url } from './limits.ts'

/**
 * Sends a text; given several alternatives, Clustaar picks one of them each time, so a bot
 * does not repeat itself word for word.
 *
 * @throws TypeError unless there are 1 to 10 texts of 1 to 500 characters each.
 * @example
 * ```ts
 * actions.sendText(['Hello!', 'Hi there!'])
 * ```
 */
export function sendText(texts: string | readonly string[]): SendTextAction {
  const given = typeof texts === 'string' ? [texts] : texts
  const alternatives = boundedList<string>(
    'sendText',
    'alternatives',
    given,
    1,
    LIMITS.alternatives,
  )
  for (const alternative of alternatives) check('sendText', 'alternatives', alternative)
  return { type: 'send_text_action', alternatives }
}

/**
 * Sends a message with quick-reply buttons made by `quickReply`.
 *
 * @throws TypeError when the message is empty or over 500 characters, or there are not 1 to 11
 * buttons made by `quickReply`.
 * @example
 * ```ts
 * actions.sendQuickReplies('Did that help?', [
 *   actions.quickReply('Yes', actions.goTo(actions.step('507f191e810c19729de860ea'))),
 *   actions.quickReply('No', actions.goTo(actions.step('507f191e810c19729de860eb'))),
 * ])
 * ```
 */
export function sendQuickReplies(
  message: string,
  buttons: readonly QuickReply[],
): SendQuickRepliesAction {
  const checked = check('sendQuickReplies', 'message', message)
  const all = boundedList<QuickReply>('sendQuickReplies', 'buttons', buttons, 1, LIMITS.buttons)
  if (!all.every((button) => button?.type === 'quick_reply')) {
    throw new TypeError('actions.sendQuickReplies: every button must come from quickReply()')
  }
  return { type: 'send_quick_replies_action', message: checked, buttons: all }
}

/**
 * Sends an image by URL. Options: `alt` (none), its text alternative.
 *
 * @throws TypeError when the URL is not http(s) or is over 500 characters, or `alt` is not a
 * string.
 * @example
 * ```ts
 * actions.sendImage('https://example.com/map.png', { alt: 'Our shop on the map' })
 * ```
 */
export function sendImage(
  imageURL: string,
  options: { readonly alt?: string } = {},
): SendImageAction {
  const checked = url('sendImage', 'imageURL', imageURL)
  if (options.alt === undefined) return { type: 'send_image_action', imageURL: checked }
  if (typeof options.alt !== 'string')
    throw new TypeError('actions.sendImage: "alt" must be a string')
  const { alt } = options
  return { type: 'send_image_action', imageURL: checked, alt }
}

/**
 * Sends a JavaScript event to the page hosting Clustaar's web chat, with an optional payload.
 *
 * @throws TypeError when the event name is empty or the payload is not an object.
 * @example
 * ```ts
 * actions.sendJsEvent('order_tracked', { order: '42-1337' })
 * ```
 */
export function sendJsEvent(
  event: string,
  payload?: Readonly<Record<string, unknown>>,
): SendJsEventAction {
  const checked = nonEmpty('sendJsEvent', 'event', event)
  if (payload === undefined) return { type: 'send_js_event_action', event: checked }
  return {
    type: 'send_js_event_action',
    event: checked,
    payload: record('sendJsEvent', 'payload', payload),
  }
}

function check(builder: string, field: string, value: unknown): string {
  return boundedText(builder, field, value, LIMITS.text)
}
