import { fromUtf8 } from '../../crypto/codec.ts'
import { WebhookError } from '../../errors.ts'

/** Far more than any message chain needs (each quote adds two), far less than a stack. */
const MAX_DEPTH = 64

/**
 * Strict UTF-8 and `JSON.parse`, then a bound on nesting: quotes nest message chains, and a
 * body of thousands of nested quotes would exhaust the stack of a recursive schema check.
 */
export function parseBody(body: Uint8Array): unknown {
  let value: unknown
  try {
    value = JSON.parse(fromUtf8(body))
  } catch (cause) {
    throw new WebhookError('invalid_json', 'The body is not valid UTF-8 JSON', { cause })
  }
  if (depth(value) > MAX_DEPTH) {
    throw new WebhookError('invalid_payload', `The payload nests deeper than ${MAX_DEPTH} levels`)
  }
  return value
}

/** How deep arrays and objects nest, walked without recursion. */
function depth(root: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[root, 0]]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, level] = item
    if (typeof value !== 'object' || value === null) continue
    if (level + 1 > deepest) deepest = level + 1
    if (deepest > MAX_DEPTH) return deepest
    for (const child of Object.values(value)) stack.push([child, level + 1])
  }
  return deepest
}
