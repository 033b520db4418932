import { fromUtf8 } from './crypto/codec.ts'
import { type PayloadIssue, WebhookError } from './errors.ts'
import type { StandardIssue, StandardSchema } from './schema.ts'

/** Strict UTF-8, then `JSON.parse`; an empty or malformed body is 400 `invalid_json`. */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(body))
  } catch (cause) {
    throw new WebhookError('invalid_json', 'The body is not valid UTF-8 JSON', { cause })
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
