import type { WebhookError } from './errors.ts'
import type { FetchOptions } from './fetch.ts'
import type { Filter } from './filters.ts'
import type { EventMap, Platform } from './platform.ts'
import type { WebhookRequest, WebhookResponse } from './request.ts'

/** A value or a promise of it. */
export type Awaitable<T> = T | Promise<T>

/** The event names a platform declares, without the `'*'` base entry. */
export type EventName<Events extends EventMap> = Exclude<keyof Events, '*'> & string

/** The payload `'*'` handlers see: the platform's base payload, or `unknown`. */
export type AnyPayload<Events extends EventMap> = '*' extends keyof Events ? Events['*'] : unknown

/**
 * What a handler receives: the event's name, its typed payload, the raw request, the route's
 * parameters, and the platform's helpers.
 */
export type WebhookEvent<Name extends string, Payload, Helpers extends object = object> = {
  readonly name: Name
  readonly payload: Payload
  readonly request: WebhookRequest
  readonly params: Readonly<Record<string, string>>
} & Helpers

/** The event of one name, or a union when a handler is registered for several. */
export type EventOf<Events extends EventMap, Name extends string, Helpers extends object> = {
  [N in Name]: WebhookEvent<N, N extends keyof Events ? Events[N] : unknown, Helpers>
}[Name]

/** A handler: return a reply to end the chain, or nothing to let the next handler try. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler body without `return` is typed void
export type Handler<Event, Reply> = (event: Event) => Awaitable<Reply | undefined | void>

/** Called when a handler throws; `event` is absent when the failure came before dispatch. */
export type ErrorHandler<Event> = (error: unknown, event?: Event) => Awaitable<void>

/** A registered handler, its event names (`'*'` for all) and its optional filter. */
export interface Registration {
  readonly names: ReadonlySet<string>
  readonly handler: (event: never) => unknown
  readonly filter: Filter<never> | undefined
}

/** What `handle` needs besides the request. */
export interface HandleOptions {
  /** Keeps the runtime alive for ack-first work (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: ((promise: Promise<unknown>) => void) | undefined
}

/** Any event of a webhook, as `onError` receives it. */
export type AnyEvent<Events extends EventMap, Helpers extends object> = WebhookEvent<
  string,
  AnyPayload<Events> | Events[keyof Events],
  Helpers
>

/**
 * What an adapter needs of a webhook, whatever its platform's event, reply and helper types:
 * every `Webhook` is one, so an adapter that takes an `AnyWebhook` accepts them all.
 */
export interface AnyWebhook {
  /** Adapters stop reading a body past this many bytes. */
  readonly maxBodyBytes: number
  handle(request: WebhookRequest, options?: HandleOptions): Promise<WebhookResponse>
  fetch(request: Request, options?: FetchOptions): Promise<Response>
  /**
   * The answer to a refusal an adapter made itself, before `handle` ran (a body over the
   * limit, a body a host parser consumed, a path outside the mount): in the platform's own
   * error envelope where it has one, else `{ error, message }` JSON, with the error's headers.
   *
   * @example
   * ```ts
   * writeResponse(res, webhook.refuse(bodyTooLarge(webhook.maxBodyBytes)))
   * ```
   */
  refuse(error: WebhookError): WebhookResponse
  close(): Promise<void>
}

/** A configured endpoint: register handlers, then feed it requests from any runtime. */
export interface Webhook<
  Events extends EventMap = EventMap,
  Reply = unknown,
  Helpers extends object = object,
> extends AnyWebhook {
  /** The platform this webhook was created for. */
  readonly platform: Platform<Events, Reply, Helpers>
  /**
   * Registers a handler for one event, several, or `'*'` (every event), with an optional
   * filter over the payload. Handlers run in registration order; the first that returns a
   * value ends the chain and its value is the reply. Returns the webhook, for chaining.
   *
   * @throws TypeError when the event list is empty or the handler or filter is not a function.
   * @example
   * ```ts
   * webhook.on('message', ({ payload }) => ({ text: `echo: ${payload.text}` }))
   * ```
   */
  on<Name extends EventName<Events>>(
    event: Name | readonly Name[],
    handler: Handler<EventOf<Events, Name, Helpers>, Reply>,
    filter?: Filter<Events[Name]>,
  ): this
  on(
    event: '*',
    handler: Handler<WebhookEvent<string, AnyPayload<Events>, Helpers>, Reply>,
    filter?: Filter<AnyPayload<Events>>,
  ): this
  /**
   * Registers a listener for failures: a handler that threw (with its event), a verifier or
   * platform hook that crashed, or an idempotency store that failed (without an event).
   * Without any listener these go to the `logger`.
   *
   * @example
   * ```ts
   * webhook.onError((error, event) => Sentry.captureException(error, { extra: { event: event?.name } }))
   * ```
   */
  onError(handler: ErrorHandler<AnyEvent<Events, Helpers>>): this
  /**
   * Runs one request through the pipeline and resolves with the answer; it never rejects, as
   * every failure becomes a response. This is what Node adapters call.
   *
   * @example
   * ```ts
   * const response = await webhook.handle({ method, url, headers, body, remoteAddress })
   * ```
   */
  handle(request: WebhookRequest, options?: HandleOptions): Promise<WebhookResponse>
  /**
   * The same pipeline for a Web `Request`: route and method are checked before the body is
   * read, and the body is read no further than `maxBodyBytes`.
   *
   * @example
   * ```ts
   * Deno.serve((request, info) => webhook.fetch(request, { remoteAddress: info.remoteAddr.hostname }))
   * ```
   */
  fetch(request: Request, options?: FetchOptions): Promise<Response>
  /**
   * Refuses new requests with 503 `shutting_down` and resolves once the requests in flight
   * and the ack-first work have ended; call it on shutdown, after the server stops accepting.
   *
   * @example
   * ```ts
   * process.on('SIGTERM', () => server.close(() => webhook.close()))
   * ```
   */
  close(): Promise<void>
}
