import { assertKnownOptions } from '../internal/options.ts'
import type { EventContext, Platform, PlatformRoute } from '../platform.ts'
import { jsonResponse, type WebhookRequest, type WebhookResponse } from '../request.ts'
import type { InferOutput, StandardSchema } from '../schema.ts'
import type { Verifier } from '../verify/types.ts'

export interface GenericOptions<Schema extends StandardSchema | undefined = undefined> {
  /** One verifier or several; at least one is required. */
  readonly verify: Verifier | readonly Verifier[]
  /** Names a payload's event. Default: every event is `'*'`. */
  readonly event?: (payload: unknown, request: WebhookRequest) => string
  /**
   * Identifies a delivery across retries; runs on the validated payload, with the route's
   * parameters in `context.params`. Default: none.
   */
  readonly idempotencyKey?: (
    payload: GenericPayload<Schema>,
    request: WebhookRequest,
    context: EventContext,
  ) => string | undefined
  /** Path patterns like `/`, `/hooks/:tenant` or `*`. Default: any path. */
  readonly routes?: readonly string[]
  /** A schema every payload must match (zod, valibot, any Standard Schema). */
  readonly schema?: Schema
  /** Namespaces the idempotency keys. Default `'generic'`. */
  readonly name?: string
}

/** The payload of a generic platform: the schema's output, or `unknown` without one. */
export type GenericPayload<Schema> = Schema extends StandardSchema ? InferOutput<Schema> : unknown

/** The events of a generic platform: any name, each with the schema's payload. */
export type GenericEvents<Schema> = Record<string, GenericPayload<Schema>>

const KNOWN = ['verify', 'event', 'idempotencyKey', 'routes', 'schema', 'name']
const ACK: WebhookResponse = jsonResponse(200, {})

/**
 * A platform made from parts, for any provider without a preset: its verifiers, and
 * optionally how to name events, which key de-duplicates them, which paths it answers on and
 * the payload schema. A handler's returned value is sent as JSON with status 200; no value
 * answers `200 {}`.
 *
 * @throws TypeError when `verify` is missing or empty, or an option is unknown.
 * @example
 * ```ts
 * const platform = generic({
 *   verify: hmacSignature({ header: 'X-Hub-Signature-256', prefix: 'sha256=', secret }),
 *   event: (payload) => (payload as { action?: string }).action ?? 'unknown',
 * })
 * ```
 */
export function generic<Schema extends StandardSchema | undefined = undefined>(
  options: GenericOptions<Schema>,
): Platform<GenericEvents<Schema>> {
  assertKnownOptions('generic', options, KNOWN)
  const verify = Array.isArray(options.verify) ? options.verify : [options.verify]
  if (verify.length === 0 || !verify.every(isVerifier)) {
    throw new TypeError('generic: option "verify" is required: a verifier or a list of them')
  }
  const routes: PlatformRoute[] | undefined = options.routes?.map((path) => ({ path }))
  const schemas = options.schema === undefined ? undefined : { '*': options.schema }
  return {
    name: options.name ?? 'generic',
    verify,
    ...(routes === undefined ? {} : { routes }),
    ...(options.event === undefined ? {} : { event: options.event }),
    // The engine calls it only after the schema accepted the payload, so the narrower type holds.
    ...(options.idempotencyKey === undefined
      ? {}
      : { idempotencyKey: options.idempotencyKey as Platform['idempotencyKey'] }),
    ...(schemas === undefined
      ? {}
      : { schemas: schemas as Platform<GenericEvents<Schema>>['schemas'] }),
    ack: () => ACK,
    reply: (value) => jsonResponse(200, value),
  }
}

function isVerifier(value: unknown): value is Verifier {
  return (
    typeof value === 'object' && value !== null && typeof (value as Verifier).verify === 'function'
  )
}
