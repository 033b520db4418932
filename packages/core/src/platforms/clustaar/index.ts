import type { Platform } from '../../platform.ts'
import * as actions from './actions.ts'
import { emptyResponse, encodeReply, noHandler, type StepReachedResponse } from './response.ts'
import {
  type ClustaarNotification,
  notificationSchema,
  type StepReachedNotification,
  stepReachedSchema,
} from './schema.ts'
import { type ClustaarOptions, clustaarVerifiers } from './verify.ts'

export type {
  Action,
  ButtonAction,
  Condition,
  ConnectionPredicate,
  FlowConnection,
  GoToAction,
  JumpToAction,
  OpenUrlAction,
  PauseBotAction,
  QuickReply,
  SendImageAction,
  SendJsEventAction,
  SendQuickRepliesAction,
  SendTextAction,
  SetUserAttributeAction,
  ShareAction,
  StepTarget,
  StoreOptions,
  StoreSessionValueAction,
  StoryTarget,
  Target,
  ValueGetter,
  WaitAction,
} from './action-types.ts'
export { stepReachedResponse } from './response.ts'
export type {
  ClustaarNotification,
  ConversationSession,
  Coordinates,
  Interlocutor,
  Step,
  StepActionData,
  StepInput,
  StepReachedData,
  StepReachedNotification,
} from './schema.ts'
export type { ClustaarOptions, StepReachedResponse }
export { actions }

/** Clustaar's notifications by topic; `'*'` is any topic, known or not. */
export type ClustaarEvents = {
  '*': ClustaarNotification
  'conversation.step_reached': StepReachedNotification
}

/**
 * The Clustaar platform: the webhook a bot's flow calls on `POST /` when it reaches a step.
 * Checks, each on when configured: `privateKey` (HMAC-SHA1 in `X-Hub-Signature` over
 * `date=<Date>\n<body>`), `username` with `password` (HTTP basic auth), and the `Date` header
 * no further than `requestMaxAge` (10) seconds from `now` (`Date.now`), past or future. Events
 * are named by the body's `topic`; the first handler that returns a `StepReachedResponse`
 * answers, one that matched but returned nothing answers `{"actions":[]}`, and no matching
 * handler answers 404, as clustaar.webhook does.
 *
 * @throws TypeError when neither `privateKey` nor `username` and `password` are given, only
 * one of `username` and `password` is, a secret is empty, `requestMaxAge` is not a positive
 * number or `false`, or an option is unknown.
 * @example
 * ```ts
 * const webhook = createWebhook(clustaar({ privateKey: process.env.CLUSTAAR_KEY! }))
 * webhook.on(
 *   'conversation.step_reached',
 *   () => ({ actions: [actions.sendText('Your order has shipped.')] }),
 *   StepID('507f191e810c19729de860ea'),
 * )
 * ```
 */
export function clustaar(options: ClustaarOptions): Platform<ClustaarEvents, StepReachedResponse> {
  return {
    name: 'clustaar',
    routes: [{ path: '/' }],
    verify: clustaarVerifiers(options ?? {}),
    event: topicOf,
    schemas: { '*': notificationSchema, 'conversation.step_reached': stepReachedSchema },
    ack: emptyResponse,
    unhandled: noHandler,
    reply: encodeReply,
  }
}

// A body without a string topic is refused by the pipeline as 400 `invalid_payload`.
function topicOf(payload: unknown): string {
  const topic = (payload as { topic?: unknown }).topic
  if (typeof topic !== 'string') throw new TypeError('the notification has no topic')
  return topic
}
