import { WebhookError } from '../../errors.ts'
import type { WebhookResponse } from '../../request.ts'
import { jsonResponse } from '../../request.ts'
import type { Action } from './action-types.ts'
import type { Interlocutor } from './schema.ts'

/** What a handler answers a step with: the actions to run, and what to store. */
export interface StepReachedResponse {
  /** The actions the bot runs, in order. */
  readonly actions: readonly Action[]
  /** Session values to store for the conversation. */
  readonly session?: { readonly values: Readonly<Record<string, unknown>> }
  /** The interlocutor to store, whole: start from the received one and change what is new. */
  readonly interlocutor?: Interlocutor
}

// clustaar.schemas requires these interlocutor fields, null allowed; a received interlocutor
// may lack them, so a handler sending it back would otherwise be refused by Clustaar.
const NULLABLE = ['location', 'email', 'firstName', 'lastName', 'phoneNumber'] as const

/**
 * Builds the answer to a `conversation.step_reached` notification and checks its shape: the
 * actions (from the `actions` builders), and optionally `session` (`{ values }`) and
 * `interlocutor`. Interlocutor fields Clustaar requires but the one given lacks are sent as
 * `null`. A handler may also return a plain `StepReachedResponse`; it goes through this too.
 *
 * @throws TypeError when `actions` is not a list of actions, `session.values` is not an
 * object, or `interlocutor` lacks its `id`, `userID` or `customAttributes`.
 * @example
 * ```ts
 * webhook.on('conversation.step_reached', ({ payload }) =>
 *   stepReachedResponse({
 *     actions: [actions.sendText('Noted!')],
 *     session: { values: { ...payload.data.session.values, lang: 'en' } },
 *   }),
 * )
 * ```
 */
export function stepReachedResponse(response: StepReachedResponse): StepReachedResponse {
  const { actions, session, interlocutor } = response ?? {}
  if (!Array.isArray(actions) || !actions.every(isAction)) {
    throw new TypeError('stepReachedResponse: "actions" must be a list of actions')
  }
  const out: { -readonly [K in keyof StepReachedResponse]: StepReachedResponse[K] } = {
    actions: [...actions],
  }
  if (session !== undefined) {
    if (!isObject(session) || !isObject(session.values)) {
      throw new TypeError('stepReachedResponse: "session" must be { values: { ... } }')
    }
    out.session = { values: session.values }
  }
  if (interlocutor !== undefined) {
    if (
      !isObject(interlocutor) ||
      typeof interlocutor.id !== 'string' ||
      typeof interlocutor.userID !== 'string' ||
      !isObject(interlocutor.customAttributes)
    ) {
      throw new TypeError(
        'stepReachedResponse: "interlocutor" must have an id, a userID and customAttributes',
      )
    }
    const filled = Object.fromEntries(NULLABLE.map((field) => [field, interlocutor[field] ?? null]))
    out.interlocutor = { ...interlocutor, ...filled } as Interlocutor
  }
  return out
}

/** A handler's value as the 200 JSON body. */
export function encodeReply(value: StepReachedResponse): WebhookResponse {
  return jsonResponse(200, stepReachedResponse(value))
}

const NOTHING_TO_DO: WebhookResponse = jsonResponse(200, { actions: [] })

/** A handler that matched and returned nothing: a response with no actions, so the bot goes on. */
export function emptyResponse(): WebhookResponse {
  return NOTHING_TO_DO
}

const NO_ROUTE: WebhookResponse = jsonResponse(
  404,
  new WebhookError('not_found', 'No handler matches this notification').toJSON(),
)

/** No handler's event and filter matched: 404, as clustaar.webhook answers. */
export function noHandler(): WebhookResponse {
  return NO_ROUTE
}

function isAction(value: unknown): boolean {
  return isObject(value) && typeof value.type === 'string'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
