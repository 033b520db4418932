import type { Delivery } from './deliver.ts'
import type { WebhookError } from './errors.ts'
import type { WebhookRequest, WebhookResponse } from './request.ts'
import type { StandardSchema } from './schema.ts'
import type { Verifier } from './verify/types.ts'

/** A platform's events: each name mapped to its payload type; `'*'` is the base payload. */
export type EventMap = Record<string, unknown>

/** One path a platform answers on. */
export interface PlatformRoute {
  /** `/`, a literal like `/reset`, parameters like `/:key/act`, or `*` for any path. */
  readonly path: string
  /** The event every request on this route is, whatever its body says. */
  readonly event?: string
  /** Checks this route needs on top of the platform's own. */
  readonly verify?: readonly Verifier[]
}

/** What the pipeline knows about a request once it is parsed and named. */
export interface EventContext {
  readonly name: string
  readonly payload: unknown
  readonly request: WebhookRequest
  readonly params: Readonly<Record<string, string>>
  readonly route: PlatformRoute
}

/**
 * Everything a preset supplies; core reads it and never asks which platform it runs for.
 * `Events` types the payloads, `Reply` what handlers may return, `Helpers` the extra fields
 * each handler's event carries (reply builders, a client).
 */
export interface Platform<
  Events extends EventMap = EventMap,
  Reply = unknown,
  Helpers extends object = object,
> {
  /** Names the platform in logs and namespaces its idempotency keys in a shared store. */
  readonly name: string
  /** Default: one route matching any path. */
  readonly routes?: readonly PlatformRoute[] | undefined
  /** Checks every route runs before the body is parsed; never empty. */
  readonly verify: readonly Verifier[]
  /** Turns the verified bytes into a value. Default: strict UTF-8 and `JSON.parse`. */
  readonly parse?: ((body: Uint8Array) => unknown) | undefined
  /** The event name of a parsed body or its headers (a route's `event` wins). Default `'*'`. */
  readonly event?: ((payload: unknown, request: WebhookRequest) => string) | undefined
  /** A schema per event name; `'*'` checks events that have none of their own. */
  readonly schemas?: { readonly [Name in keyof Events]?: StandardSchema<Events[Name]> } | undefined
  /**
   * The key that identifies a delivery across retries; `undefined` skips de-duplication. It
   * runs on the validated payload, with the route and its parameters in `context`.
   */
  readonly idempotencyKey?:
    | ((payload: unknown, request: WebhookRequest, context: EventContext) => string | undefined)
    | undefined
  /** How long a key is remembered. Default one day, as long as any platform here retries. */
  readonly dedupeTtlMs?: number | undefined
  /** The success answer when there is nothing to reply, and the ack-first answer. */
  readonly ack: (context: EventContext) => WebhookResponse
  /** The answer when no handler matched. Default `ack`. */
  readonly unhandled?: ((context: EventContext) => WebhookResponse) | undefined
  /** The answer to a delivery already seen. Default `ack`. */
  readonly duplicate?: ((context: EventContext) => WebhookResponse) | undefined
  /** Encodes the first value a handler returned. */
  readonly reply: (value: Reply, context: EventContext) => WebhookResponse
  /** Encodes a refusal in the platform's own envelope. Default `{ error, message }` JSON. */
  readonly error?: ((error: WebhookError) => WebhookResponse) | undefined
  /** Extra fields for the event each handler receives. */
  readonly helpers?: ((context: EventContext) => Helpers) | undefined
  /**
   * Takes over once a delivery is verified, parsed and claimed: decides when its handlers run
   * (now, later, merged with other deliveries, not at all) and what the sender is answered.
   * Default: as the webhook's `respond` option says.
   */
  readonly deliver?:
    | ((
        context: EventContext,
        delivery: Delivery<Reply, Helpers>,
      ) => WebhookResponse | Promise<WebhookResponse>)
    | undefined
}
