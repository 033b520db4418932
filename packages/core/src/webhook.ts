import { type Claims, createClaims } from './claims.ts'
import { answer, type Delivery, type RunOptions, type RunOutcome } from './deliver.ts'
import { dispatch, toRegistration } from './dispatch.ts'
import { WebhookError } from './errors.ts'
import { type FetchOptions, readBody, toRequestHead, toResponse } from './fetch.ts'
import type { Filter } from './filters.ts'
import { bodyAlreadyParsed, bodyTooLarge } from './internal/refusals.ts'
import { type ResolvedOptions, resolveOptions, type WebhookOptions } from './options.ts'
import { decode, derive, refusesJson, validate } from './parse.ts'
import type { EventContext, EventMap, Platform } from './platform.ts'
import { createReporter, type Reporter } from './report.ts'
import { jsonResponse, readHeader, type WebhookRequest, type WebhookResponse } from './request.ts'
import { type CompiledRoute, compileRoutes, type FoundRoute, findRoute } from './router.ts'
import type { StandardSchema } from './schema.ts'
import type { ErrorHandler, HandleOptions, Registration, Webhook } from './types.ts'
import type { VerifyContext } from './verify/types.ts'

// An adapter hands over whatever its framework left in the body; anything but bytes means a
// body parser ran first and the exact bytes the signature covers are gone.
const BODY_ALREADY_PARSED = bodyAlreadyParsed()

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

const OUTCOME = <Outcome>(outcome: Outcome): Outcome => outcome

class Engine<Events extends EventMap, Reply, Helpers extends object>
  implements Webhook<Events, Reply, Helpers>
{
  readonly platform: Platform<Events, Reply, Helpers>
  readonly maxBodyBytes: number
  readonly #options: ResolvedOptions
  readonly #routes: readonly CompiledRoute[]
  readonly #schemas: ReadonlyMap<string, StandardSchema>
  readonly #registrations: Registration[] = []
  readonly #reporter: Reporter
  readonly #claims: Claims
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
    this.#reporter = createReporter(options.logger)
    this.#claims = createClaims(options, (error) => this.#reporter.report(error))
  }

  on(
    event: string | readonly string[],
    handler: (event: never) => unknown,
    filter?: Filter<never>,
  ): this {
    this.#registrations.push(toRegistration(event, handler, filter))
    return this
  }

  onError(handler: ErrorHandler<never>): this {
    this.#reporter.add(handler)
    return this
  }

  handle(request: WebhookRequest, options: HandleOptions = {}): Promise<WebhookResponse> {
    return this.#admit(this.#handle(request, options))
  }

  fetch(request: Request, options: FetchOptions = {}): Promise<Response> {
    return this.#admit(this.#fetch(request, options))
  }

  refuse(error: WebhookError): WebhookResponse {
    return this.#fail(error)
  }

  async close(): Promise<void> {
    this.#closing = true
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  // A request admitted before close() may still acknowledge and start background work, so
  // close() waits for it as it waits for that work.
  #admit<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work)
    const done = () => this.#pending.delete(work)
    work.then(done, done)
    return work
  }

  async #handle(request: WebhookRequest, options: HandleOptions): Promise<WebhookResponse> {
    try {
      return await this.#process(this.#route(request), request, options)
    } catch (error) {
      return this.#fail(error)
    }
  }

  async #fetch(request: Request, options: FetchOptions): Promise<Response> {
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

  #route(request: WebhookRequest): FoundRoute {
    if (this.#closing) throw new WebhookError('shutting_down', 'The webhook is shutting down')
    return findRoute(this.#routes, request)
  }

  async #process(
    found: FoundRoute,
    request: WebhookRequest,
    options: HandleOptions,
  ): Promise<WebhookResponse> {
    if (!(request.body instanceof Uint8Array)) throw BODY_ALREADY_PARSED
    if (request.body.byteLength > this.maxBodyBytes) throw bodyTooLarge(this.maxBodyBytes)
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
    const claimed = await this.#claim(context)
    if (claimed === false) return (this.platform.duplicate ?? this.platform.ack)(context)
    const { deliver } = this.platform
    if (deliver !== undefined) return deliver(context, this.#delivery(context, claimed, options))
    if (this.#options.respond === 'after-handler') return this.#answer(context, claimed)
    this.#track(
      this.#run(context, claimed, OUTCOME).catch(() => undefined),
      options,
    )
    return this.platform.ack(context)
  }

  async #parse(found: FoundRoute, request: WebhookRequest): Promise<EventContext> {
    const { route } = found.compiled
    const raw = decode(request.body, this.platform.parse)
    const { event } = this.platform
    const name =
      route.event ?? (event === undefined ? '*' : derive('event name', () => event(raw, request)))
    const schema = this.#schemas.get(name) ?? this.#schemas.get('*')
    const payload = schema === undefined ? raw : await validate(schema, raw)
    return { name, payload, request, params: found.params, route }
  }

  /** The claimed store key, `undefined` when there is nothing to release, `false` for a repeat. */
  async #claim(context: EventContext): Promise<string | undefined | false> {
    const { idempotencyKey } = this.platform
    if (idempotencyKey === undefined) return undefined
    const key = derive('idempotency key', () =>
      idempotencyKey(context.payload, context.request, context),
    )
    if (key === undefined) return undefined
    const namespaced = `${this.platform.name}:${key}`
    const claimed = await this.#claims.claim(namespaced)
    if (claimed === undefined) return undefined
    return claimed && namespaced
  }

  #delivery(
    context: EventContext,
    claimedKey: string | undefined,
    options: HandleOptions,
  ): Delivery<Reply, Helpers> {
    return {
      respond: this.#options.respond,
      run: (run: RunOptions<Helpers> = {}) =>
        this.#run(run.context ?? context, claimedKey, OUTCOME, run.helpers),
      answer: () => this.#answer(context, claimedKey),
      background: (work) => this.#track(work, options),
      report: (error) => this.#reporter.report(error),
      release: async () => {
        if (claimedKey !== undefined) await this.#claims.release(claimedKey)
      },
    }
  }

  #answer(context: EventContext, claimedKey: string | undefined): Promise<WebhookResponse> {
    return this.#run(context, claimedKey, (outcome) => answer(this.platform, outcome, context))
  }

  // `finish` runs inside the same guard as the handlers: a reply the platform cannot encode is
  // the handler's failure, so its claim is released and the sender's retry is processed.
  async #run<Result>(
    context: EventContext,
    claimedKey: string | undefined,
    finish: (outcome: RunOutcome<Reply>) => Result,
    given?: Helpers,
  ): Promise<Result> {
    const helpers = given ?? this.platform.helpers?.(context) ?? {}
    const event = {
      ...helpers,
      name: context.name,
      payload: context.payload,
      request: context.request,
      params: context.params,
    }
    try {
      return finish((await dispatch(this.#registrations, context.name, event)) as RunOutcome<Reply>)
    } catch (error) {
      if (claimedKey !== undefined) await this.#claims.release(claimedKey)
      await this.#reporter.report(error, event)
      throw new WebhookError('handler_failed', 'A handler failed; the delivery was not processed', {
        cause: error,
      })
    }
  }

  #track(work: Promise<unknown>, options: HandleOptions): void {
    this.#admit(work)
    options.waitUntil?.(work)
  }

  // Never throws: every failure, even of the platform's own error encoder, becomes an answer.
  #fail(error: unknown): WebhookResponse {
    const failure = error instanceof WebhookError ? error : this.#unexpected(error)
    const fallback = () => jsonResponse(failure.status, failure.toJSON(), failure.headers)
    if (this.platform.error === undefined) return fallback()
    try {
      return this.platform.error(failure)
    } catch (crash) {
      void this.#reporter.report(crash)
      return fallback()
    }
  }

  #unexpected(error: unknown): WebhookError {
    void this.#reporter.report(error)
    return new WebhookError('handler_failed', 'The webhook failed unexpectedly', { cause: error })
  }
}
