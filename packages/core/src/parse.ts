import { fromUtf8 } from './crypto/codec.ts'
import { type PayloadIssue, WebhookError } from './errors.ts'
import type { StandardIssue, StandardSchema } from './schema.ts'

/** Strict UTF-8, then `JSON.parse`; an empty or malformed body is 400 `invalid_json`. */
function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(body))
  } catch (cause) {
    throw new WebhookError('invalid_json', 'The body is not valid UTF-8 JSON', { cause })
  }
}

/**
 * Runs a platform's own parser (Viber's keeps 64-bit tokens exact); whatever it throws on bad
 * bytes is a 400, never a 500 that the platform would retry forever.
 */
export function decode(
  body: Uint8Array,
  parse: ((body: Uint8Array) => unknown) | undefined,
): unknown {
  if (parse === undefined) return parseJson(body)
  try {
    return parse(body)
  } catch (cause) {
    if (cause instanceof WebhookError) throw cause
    throw new WebhookError('invalid_json', 'The body could not be parsed', { cause })
  }
}

/**
 * Reads something a platform or user function derives from the payload (its event name, its
 * idempotency key). Such functions assume the payload's shape, and a payload without it is the
 * sender's mistake: 400 `invalid_payload`, not a crash.
 */
export function derive<T>(what: string, read: () => T): T {
  try {
    return read()
  } catch (cause) {
    throw new WebhookError('invalid_payload', `The payload has no readable ${what}`, { cause })
  }
}

/** Checks a payload against a schema; failures are 400 `invalid_payload` with their paths. */
export async function validate(schema: StandardSchema, payload: unknown): Promise<unknown> {
  const result = await schema['~standard'].validate(payload)
  if (result.issues === undefined) return result.value
  const issues = result.issues.map(toIssue)
  const paths = issues.map((issue) => issue.path || '(root)').join(', ')
  throw new WebhookError('invalid_payload', `The payload does not match the schema at ${paths}`, {
    issues,
  })
}

function toIssue(issue: StandardIssue): PayloadIssue {
  const path = (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('.')
  return { path, message: issue.message }
}

const CANNOT_CARRY_JSON =
  /^(multipart\/|application\/x-www-form-urlencoded|image\/|audio\/|video\/)/i

/** Whether a content type rules JSON out; a missing or unusual one is given the benefit. */
export function refusesJson(contentType: string | undefined): boolean {
  return contentType !== undefined && CANNOT_CARRY_JSON.test(contentType.trimStart())
}
