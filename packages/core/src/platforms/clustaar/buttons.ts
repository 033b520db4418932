import type {
  ButtonAction,
  GoToAction,
  OpenUrlAction,
  QuickReply,
  ShareAction,
  StepTarget,
  StoryTarget,
  Target,
} from './action-types.ts'
import { boundedText, LIMITS, objectId, record, url } from './limits.ts'

/**
 * A step of the bot's flow as a target, for `goTo` and `jumpTo`. `name` (none) is only a label
 * for people reading the JSON.
 *
 * @throws TypeError when the id is not a 24-digit hex ObjectId.
 * @example
 * ```ts
 * actions.jumpTo(actions.step('507f191e810c19729de860ea'))
 * ```
 */
export function step(id: string, name?: string): StepTarget {
  const checked = objectId('step', id)
  return name === undefined ? { type: 'step', id: checked } : { type: 'step', id: checked, name }
}

/**
 * A story (a flow of steps) as a target, for `goTo` and `jumpTo`. `name` (none) is a label.
 *
 * @throws TypeError when the id is not a 24-digit hex ObjectId.
 * @example
 * ```ts
 * actions.goTo(actions.story('5b0e5f1c2f1e4a00bbbbbbbb', 'Opening hours'))
 * ```
 */
export function story(id: string, name?: string): StoryTarget {
  const checked = objectId('story', id)
  return name === undefined ? { type: 'story', id: checked } : { type: 'story', id: checked, name }
}

/**
 * A button action that sends the conversation to a step or story. Options: `sessionValues`
 * (none), values stored in the session when the button is tapped.
 *
 * @throws TypeError when the target is not one `step()` or `story()` made, or `sessionValues`
 * is not an object.
 * @example
 * ```ts
 * actions.goTo(actions.step('507f191e810c19729de860ea'), { sessionValues: { plan: 'pro' } })
 * ```
 */
export function goTo(
  target: Target,
  options: { readonly sessionValues?: Readonly<Record<string, unknown>> } = {},
): GoToAction {
  const checked = toTarget('goTo', target)
  if (options.sessionValues === undefined) return { type: 'go_to_action', target: checked }
  const sessionValues = record('goTo', 'sessionValues', options.sessionValues)
  return { type: 'go_to_action', target: checked, sessionValues }
}

/**
 * A button action that opens a web page.
 *
 * @throws TypeError when `url` is not an http(s) URL of at most 500 characters.
 * @example
 * ```ts
 * actions.quickReply('Track it', actions.openUrl('https://example.com/orders/42'))
 * ```
 */
export function openUrl(link: string): OpenUrlAction {
  return { type: 'open_url_action', url: url('openUrl', 'url', link) }
}

/**
 * A button action: the channel's own share button.
 *
 * @example
 * ```ts
 * actions.quickReply('Share', actions.share())
 * ```
 */
export function share(): ShareAction {
  return { type: 'share_action' }
}

/**
 * One quick-reply button for `sendQuickReplies`: its title and what tapping it does.
 *
 * @throws TypeError when the title is empty or over 20 characters, or the action is not one
 * `goTo`, `openUrl` or `share` made.
 * @example
 * ```ts
 * actions.quickReply('Yes', actions.goTo(actions.step('507f191e810c19729de860ea')))
 * ```
 */
export function quickReply(title: string, action: ButtonAction): QuickReply {
  const checked = boundedText('quickReply', 'title', title, LIMITS.buttonTitle)
  if (!isButtonAction(action)) {
    throw new TypeError('actions.quickReply: the action must come from goTo, openUrl or share')
  }
  return { type: 'quick_reply', title: checked, action }
}

/** A target made by `step` or `story`, checked again as it may come from anywhere. */
export function toTarget(builder: string, target: unknown): Target {
  const candidate = target as Partial<Target> | null
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    (candidate.type !== 'step' && candidate.type !== 'story')
  ) {
    throw new TypeError(`actions.${builder}: the target must come from step() or story()`)
  }
  objectId(builder, candidate.id)
  return candidate as Target
}

function isButtonAction(action: unknown): action is ButtonAction {
  const type = (action as { type?: unknown } | null)?.type
  return type === 'go_to_action' || type === 'open_url_action' || type === 'share_action'
}
