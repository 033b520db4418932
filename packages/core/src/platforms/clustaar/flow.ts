import type {
  FlowConnection,
  JumpToAction,
  PauseBotAction,
  SetUserAttributeAction,
  StoreOptions,
  StoreSessionValueAction,
  Target,
  WaitAction,
} from './action-types.ts'
import { toTarget } from './buttons.ts'
import { boundedList, boundedText, flag, key, LIMITS } from './limits.ts'

/**
 * Moves the conversation: to the first of `connections` whose predicates all hold, else to
 * `target` (`null`: stay, when no connection holds). `connections` defaults to none.
 *
 * @throws TypeError when a target is not from `step()` or `story()` (or `null`), or there are
 * more than 10 connections or one is not a `flow_connection` with a list of predicates.
 * @example
 * ```ts
 * actions.jumpTo(actions.step('507f191e810c19729de860ea'))
 * ```
 */
export function jumpTo(
  target: Target | null,
  connections: readonly FlowConnection[] = [],
): JumpToAction {
  const defaultTarget = target === null ? null : toTarget('jumpTo', target)
  const checked = boundedList<FlowConnection>(
    'jumpTo',
    'connections',
    connections,
    0,
    LIMITS.connections,
  )
  for (const connection of checked) {
    if (connection?.type !== 'flow_connection' || !Array.isArray(connection.predicates)) {
      throw new TypeError('actions.jumpTo: every connection must be a flow_connection')
    }
    toTarget('jumpTo', connection.target)
  }
  return { type: 'jump_to_action', connections: checked, defaultTarget }
}

/**
 * Stores a value in the conversation's session, where later steps and conditions read it.
 * Options: `add` (`false`) and `isInt` (`false`), left out of the JSON unless given.
 *
 * @throws TypeError when the key is not 1 to 100 letters, digits or `_`, or the value is not
 * 1 to 200 characters.
 * @example
 * ```ts
 * actions.storeSessionValue('order_number', '42-1337')
 * ```
 */
export function storeSessionValue(
  name: string,
  value: string,
  options: StoreOptions = {},
): StoreSessionValueAction {
  return {
    type: 'store_session_value_action',
    ...stored('storeSessionValue', name, value, LIMITS.sessionValue, options),
  }
}

/**
 * Stores a value on the interlocutor (a user attribute), kept across conversations. Options:
 * `add` (`false`) and `isInt` (`false`), left out of the JSON unless given.
 *
 * @throws TypeError when the key is not 1 to 100 letters, digits or `_`, is `id`, or the value
 * is not 1 to 2000 characters.
 * @example
 * ```ts
 * actions.setUserAttribute('plan', 'pro')
 * ```
 */
export function setUserAttribute(
  name: string,
  value: string,
  options: StoreOptions = {},
): SetUserAttributeAction {
  if (typeof name === 'string' && name.toLowerCase() === 'id') {
    throw new TypeError(
      'actions.setUserAttribute: "id" is not a user attribute Clustaar lets you set',
    )
  }
  return {
    type: 'set_user_attribute_action',
    ...stored('setUserAttribute', name, value, LIMITS.userAttribute, options),
  }
}

/**
 * Waits before the next action, in seconds (default 2, as Clustaar's).
 *
 * @throws TypeError unless the duration is between 0.5 and 7 seconds.
 * @example
 * ```ts
 * [actions.sendText('Let me check…'), actions.wait(3), actions.sendText('Found it!')]
 * ```
 */
export function wait(seconds = 2): WaitAction {
  if (typeof seconds !== 'number' || !(seconds >= LIMITS.waitMin && seconds <= LIMITS.waitMax)) {
    throw new TypeError('actions.wait: the duration must be 0.5 to 7 seconds')
  }
  return { type: 'wait_action', duration: seconds }
}

/**
 * Pauses the bot for this interlocutor, so that a human can take over.
 *
 * @example
 * ```ts
 * [actions.sendText('A colleague will answer you shortly.'), actions.pauseBot()]
 * ```
 */
export function pauseBot(): PauseBotAction {
  return { type: 'pause_bot_action' }
}

function stored(
  builder: string,
  name: string,
  value: string,
  max: number,
  options: StoreOptions,
): { key: string; value: string; add?: boolean; isInt?: boolean } {
  const add = flag(builder, 'add', options.add)
  const isInt = flag(builder, 'isInt', options.isInt)
  return {
    key: key(builder, name),
    value: boundedText(builder, 'value', value, max),
    ...(add === undefined ? {} : { add }),
    ...(isInt === undefined ? {} : { isInt }),
  }
}
