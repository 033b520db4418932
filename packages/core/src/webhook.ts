import { dispatch } from './dispatch.ts'
import { WebhookError } from './errors.ts'
import { type FetchOptions, readBody, toRequestHead, toResponse } from './fetch.ts'
import type { Filter } from './filters.ts'
import { notFound } from './internal/not-found.ts'
import { type ResolvedOptions, resolveOptions, type WebhookOptions } from './options.ts'
import { parseJson, refusesJson, validate } from './parse.ts'
import type { EventContext, EventMap, Platform } from './platform.ts'
import { jsonResponse, readHeader, type WebhookRequest, type WebhookResponse } from './request.ts'
import { type CompiledRoute, compileRoutes, toSegments } from './router.ts'
import type { StandardSchema } from './schema.ts'
import type {
  AnyPayload,
  ErrorHandler,
  EventName,
  EventOf,
  Handler,
  Registration,
  WebhookEvent,
} from './types.ts'
import type { VerifyContext } from './verify/types.ts'

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

/** A configured endpoint: register handlers, then feed it requests from any runtime. */
export interface Webhook<
  Events extends EventMap = EventMap,
  Reply = unknown,
  Helpers extends object = object,
> {
  readonly platform: Platform<Events, Reply, Helpers>
  /** Adapters stop reading a body past this many bytes. */
  readonly maxBodyBytes: number
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
  onError(handler: ErrorHandler<AnyEvent<Events, Helpers>>): this
  handle(request: WebhookRequest, options?: HandleOptions): Promise<WebhookResponse>
  fetch(request: Request, options?: FetchOptions): Promise<Response>
  close(): Promise<void>
}

interface Found {
  readonly compiled: CompiledRoute
  readonly params: Readonly<Record<string, string>>
  readonly path: string
  readonly query: string
}

const METHOD_NOT_ALLOWED = new WebhookError('method_not_allowed', 'Webhooks are POST requests', {
  headers: { allow: 'POST' },
})

/**
 * Creates a webhook for a platform: the whole pipeline of route, size, verification, parse,
 * schema, de-duplication, dispatch and reply behind `handle` (plain objects, for Node
 * adapters) and `fetch` (Web `Request`/`Response`, for Bun, Deno and Workers). Options:
 * `maxBodyBytes` (1 MiB), `store` (a `MemoryStore`), `dedupeTtlMs` (the platform's),
 * `respond` (`'after-handler'`), `onStoreError` (`'fail-closed'`), `logger` (`console`).
 *
 * @throws TypeError when an option is unknown or invalid, or the platform has no verifier.
 * @example
 * ```ts
 * const webhook = createWebhook(generic({ verify: secretToken({ header: 'X-Token', token }) }))
 * webhook.on('*', ({ payload }) => ({ received: payload }))
 * Bun.serve({ fetch: (request) => webhook.fetch(request) })
 * ```
 */
export function createWebhook<Events extends EventMap, Reply, Helpers extends object>(
  platform: Platform<Events, Reply, Helpers>,
  options: WebhookOptions = {},
): Webhook<Events, Reply, Helpers> {
  return new Engine(platform, resolveOptions(options, platform.dedupeTtlMs))
}

class Engine<Events extends EventMap, Reply, Helpers extends object>
  implements Webhook<Events, Reply, Helpers>
{
  readonly platform: Platform<Events, Reply, Helpers>
  readonly maxBodyBytes: number
  readonly #options: ResolvedOptions
  readonly #routes: readonly CompiledRoute[]
  readonly #schemas: ReadonlyMap<string, StandardSchema>
  readonly #registrations: Registration[] = []
  readonly #errorHandlers: ErrorHandler<never>[] = []
  readonly #pending = new Set<Promise<unknown>>()
  #closing = false

  constructor(platform: Platform<Events, Reply, Helpers>, options: ResolvedOptions) {
    if (!Array.isArray(platform.verify) || platform.verify.length === 0) {
      throw new TypeError(`createWebhook: platform "${platform.name}" has no verifier`)
    }
    this.platform = platform
    this.maxBodyBytes = options.maxBodyBytes
    this.#options = options
    this.#routes = compileRoutes(platform as Platform)
    this.#schemas = new Map(
      Object.entries(platform.schemas ?? {}).filter(
        (entry): entry is [string, StandardSchema] => entry[1] !== undefined,
      ),
    )
  }

  on(
    event: string | readonly string[],
    handler: (event: never) => unknown,
    filter?: Filter<never>,
  ): this {
    const names = typeof event === 'string' ? [event] : event
    if (
      !Array.isArray(names) ||
      names.length === 0 ||
      !names.every((name) => typeof name === 'string')
    ) {
      throw new TypeError('on: the event must be a name, a list of names, or "*"')
    }
    if (typeof handler !== 'function') throw new TypeError('on: the handler must be a function')
    if (filter !== undefined && typeof filter !== 'function') {
      throw new TypeError('on: the filter must be a function')
    }
    this.#registrations.push({ names: new Set(names), handler, filter })
    return this
  }

  onError(handler: ErrorHandler<never>): this {
    if (typeof handler !== 'function')
      throw new TypeError('onError: the handler must be a function')
    this.#errorHandlers.push(handler)
    return this
  }

  async handle(request: WebhookRequest, options: HandleOptions = {}): Promise<WebhookResponse> {
    try {
      return await this.#process(this.#route(request), request, options)
    } catch (error) {
      return this.#fail(error)
    }
  }

  async fetch(request: Request, options: FetchOptions = {}): Promise<Response> {
    try {
      // Route and method are settled before the body is read, so a refused request costs nothing.
      const head = toRequestHead(request, options)
      const found = this.#route(head)
      const full = { ...head, body: await readBody(request, this.maxBodyBytes) }
      return toResponse(await this.#process(found, full, options))
    } catch (error) {
      return toResponse(this.#fail(error))
    }
  }

  async close(): Promise<void> {
    this.#closing = true
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  #route(request: WebhookRequest): Found {
    if (this.#closing) throw new WebhookError('shutting_down', 'The webhook is shutting down')
    const mark = request.url.indexOf('?')
    const path = mark < 0 ? request.url : request.url.slice(0, mark)
    const query = mark < 0 ? '' : request.url.slice(mark + 1)
    const segments = toSegments(path || '/')
    if (segments !== undefined) {
      for (const compiled of this.#routes) {
        const params = compiled.match(segments)
        if (params === undefined) continue
        if (request.method !== 'POST') throw METHOD_NOT_ALLOWED
        return { compiled, params, path: path || '/', query }
      }
    }
    throw notFound()
  }

  async #process(
    found: Found,
    request: WebhookRequest,
    options: HandleOptions,
  ): Promise<WebhookResponse> {
    if (request.body.byteLength > this.maxBodyBytes) {
      throw new WebhookError(
        'body_too_large',
        `The body exceeds maxBodyBytes (${this.maxBodyBytes} bytes)`,
      )
    }
    const verifyContext: VerifyContext = {
      request,
      path: found.path,
      query: found.query,
      params: found.params,
    }
    for (const verifier of found.compiled.verifiers) {
      const result = await verifier.verify(verifyContext)
      if (!result.ok) throw result.error
    }
    if (refusesJson(readHeader(request, 'content-type'))) {
      throw new WebhookError('unsupported_media_type', 'Send the webhook body as JSON')
    }
    const context = await this.#parse(found, request)
    const key = this.platform.idempotencyKey?.(context.payload, request)
    const claimed =
      key === undefined ? undefined : await this.#claim(`${this.platform.name}:${key}`)
    if (claimed === false) return (this.platform.duplicate ?? this.platform.ack)(context)
    const release = claimed === undefined ? undefined : `${this.platform.name}:${key}`
    if (this.#options.respond === 'after-handler') return this.#run(context, release)
    const background = this.#run(context, release).catch(() => undefined)
    this.#track(background, options)
    return this.platform.ack(context)
  }

  async #parse(found: Found, request: WebhookRequest): Promise<EventContext> {
    const { route } = found.compiled
    const raw = (this.platform.parse ?? parseJson)(request.body)
    const name = route.event ?? this.platform.event?.(raw) ?? '*'
    const schema = this.#schemas.get(name) ?? this.#schemas.get('*')
    const payload = schema === undefined ? raw : await validate(schema, raw)
    return { name, payload, request, params: found.params, route }
  }

  async #claim(key: string): Promise<boolean | undefined> {
    try {
      return await this.#options.store.claim(key, this.#options.dedupeTtlMs)
    } catch (cause) {
      const error = new WebhookError('store_unavailable', 'The idempotency store is unavailable', {
        cause,
      })
      if (this.#options.onStoreError === 'fail-closed') throw error
      this.#options.logger.warn(
        'chathooks: idempotency store failed; dispatching without de-duplication',
        cause,
      )
      return undefined
    }
  }

  async #run(context: EventContext, claimedKey: string | undefined): Promise<WebhookResponse> {
    const helpers = this.platform.helpers?.(context) ?? {}
    const event = {
      ...helpers,
      name: context.name,
      payload: context.payload,
      request: context.request,
      params: context.params,
    }
    try {
      const { matched, value } = await dispatch(this.#registrations, context.name, event)
      if (value !== undefined) return this.platform.reply(value as Reply, context)
      return matched
        ? this.platform.ack(context)
        : (this.platform.unhandled ?? this.platform.ack)(context)
    } catch (error) {
      if (claimedKey !== undefined) await this.#release(claimedKey)
      await this.#report(error, event)
      throw new WebhookError('handler_failed', 'A handler failed; the delivery was not processed', {
        cause: error,
      })
    }
  }

  async #release(key: string): Promise<void> {
    try {
      await this.#options.store.release(key)
    } catch (cause) {
      this.#options.logger.error(
        'chathooks: could not release an idempotency key; retries will be dropped until it expires',
        cause,
      )
    }
  }

  async #report(error: unknown, event?: unknown): Promise<void> {
    if (this.#errorHandlers.length === 0) {
      this.#options.logger.error('chathooks: a handler failed', error)
      return
    }
    for (const handler of this.#errorHandlers) {
      try {
        await (handler as ErrorHandler<unknown>)(error, event)
      } catch (failure) {
        this.#options.logger.error('chathooks: an onError handler threw', failure)
      }
    }
  }

  #track(work: Promise<unknown>, options: HandleOptions): void {
    this.#pending.add(work)
    work.finally(() => this.#pending.delete(work))
    options.waitUntil?.(work)
  }

  #fail(error: unknown): WebhookResponse {
    const failure = error instanceof WebhookError ? error : this.#unexpected(error)
    return (
      this.platform.error?.(failure) ??
      jsonResponse(failure.status, failure.toJSON(), failure.headers)
    )
  }

  #unexpected(error: unknown): WebhookError {
    void this.#report(error)
    return new WebhookError('handler_failed', 'The webhook failed unexpectedly', { cause: error })
  }
}
