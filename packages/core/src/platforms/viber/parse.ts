import { fromUtf8 } from '../../crypto/codec.ts'
import { WebhookError } from '../../errors.ts'

// Character codes the scanner compares against; JSON's grammar is ASCII.
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const MINUS = 0x2d
const PLUS = 0x2b
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

type Span = readonly [start: number, end: number]

/**
 * Parses JSON text like `JSON.parse`, except that the value of every top-level member named
 * `key` that is a number reaches the result as a string of its exact source text, so a 64-bit
 * integer keeps every digit. The scanner reads only the top-level object's members (strings with
 * escapes, nested values skipped without recursion); the same member deeper down or inside a
 * string is left to `JSON.parse`. With duplicate keys the last one wins, as in `JSON.parse`.
 *
 * @throws SyntaxError when the text is not JSON.
 * @example
 * ```ts
 * parseKeepingNumberText('{"message_token":5741311803571721087}', 'message_token')
 * // { message_token: '5741311803571721087' }
 * ```
 */
export function parseKeepingNumberText(text: string, key: string): unknown {
  const spans = topLevelNumbers(text, key)
  if (spans.length === 0) return JSON.parse(text)
  // A number token swapped for a string token: both are values, so the text stays exactly as
  // valid or invalid as it was, and JSON.parse never reads those digits as a number.
  let quoted = ''
  let from = 0
  for (const [start, end] of spans) {
    quoted += `${text.slice(from, start)}"${text.slice(start, end)}"`
    from = end
  }
  return JSON.parse(quoted + text.slice(from))
}

/**
 * Viber's body parser: strict UTF-8, then JSON with `message_token` kept exact as a string.
 *
 * @throws WebhookError `invalid_json` when the bytes are not UTF-8 JSON.
 * @example
 * ```ts
 * const payload = parseViberBody(request.body)
 * ```
 */
export function parseViberBody(body: Uint8Array): unknown {
  try {
    return parseKeepingNumberText(fromUtf8(body), 'message_token')
  } catch (cause) {
    throw new WebhookError('invalid_json', 'The body is not valid UTF-8 JSON', { cause })
  }
}

/** Where the number values of top-level `key` members are; none when the text is no object. */
function topLevelNumbers(text: string, key: string): Span[] {
  const spans: Span[] = []
  let at = skipSpace(text, 0)
  if (text.charCodeAt(at) !== OPEN_BRACE) return spans
  at = skipSpace(text, at + 1)
  if (text.charCodeAt(at) === CLOSE_BRACE) return spans
  for (;;) {
    const nameEnd = stringEnd(text, at)
    const name = memberName(text.slice(at, nameEnd))
    at = skipSpace(text, nameEnd)
    if (text.charCodeAt(at) !== COLON) throw unexpected(at)
    const valueStart = skipSpace(text, at + 1)
    const end = valueEnd(text, valueStart)
    if (name === key && isNumberStart(text.charCodeAt(valueStart))) spans.push([valueStart, end])
    at = skipSpace(text, end)
    const next = text.charCodeAt(at)
    if (next === CLOSE_BRACE) return spans
    if (next !== COMMA) throw unexpected(at)
    at = skipSpace(text, at + 1)
  }
}

/** A member name as JSON.parse would read it; only names with escapes need decoding. */
function memberName(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
}

function valueEnd(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code === QUOTE) return stringEnd(text, at)
  if (code === OPEN_BRACE || code === OPEN_BRACKET) return containerEnd(text, at)
  if (isNumberStart(code)) return numberEnd(text, at)
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, at)) return at + literal.length
  }
  throw unexpected(at)
}

function stringEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) throw unexpected(at)
  for (let index = at + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) return index + 1
    if (code === BACKSLASH) index++
  }
  throw unexpected(text.length)
}

/** The end of an object or array, counting brackets outside strings; a loop, so depth is free. */
function containerEnd(text: string, at: number): number {
  let depth = 0
  for (let index = at; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) index = stringEnd(text, index) - 1
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return index + 1
    }
  }
  throw unexpected(text.length)
}

/** The end of a number lexeme: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
function numberEnd(text: string, at: number): number {
  let index = text.charCodeAt(at) === MINUS ? at + 1 : at
  if (text.charCodeAt(index) === ZERO) index++
  else index = digitsEnd(text, index)
  if (text.charCodeAt(index) === DOT) index = digitsEnd(text, index + 1)
  if ((text.charCodeAt(index) | 0x20) === 0x65) {
    const sign = text.charCodeAt(index + 1)
    index = digitsEnd(text, sign === PLUS || sign === MINUS ? index + 2 : index + 1)
  }
  return index
}

/** The end of a run of at least one digit. */
function digitsEnd(text: string, at: number): number {
  let index = at
  while (isDigit(text.charCodeAt(index))) index++
  if (index === at) throw unexpected(at)
  return index
}

function skipSpace(text: string, at: number): number {
  let index = at
  for (;;) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return index
    index++
  }
}

function isNumberStart(code: number): boolean {
  return code === MINUS || isDigit(code)
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE
}

function unexpected(at: number): SyntaxError {
  return new SyntaxError(`Unexpected JSON at position ${at}`)
}
