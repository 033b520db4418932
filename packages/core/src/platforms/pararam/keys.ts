/** How many characters of the secret name the webhook's URL. */
const URL_KEY_LENGTH = 8
/** Secrets longer than this carry the API key after their first 20 characters. */
const API_KEY_THRESHOLD = 50
const API_KEY_START = 20

/**
 * The URL key of a pararam bot secret: its first 8 characters, the path segment pararam posts
 * to (`POST /{url_key}`), or the whole secret when it is shorter, as pararamio-bot slices it.
 * Characters are Unicode code points, as Python counts them, so an emoji is never cut in half.
 *
 * @throws TypeError when the secret is not a string.
 * @example
 * ```ts
 * const webhookUrl = `https://bot.example.com/pararam/${extractUrlKey(secret)}`
 * ```
 */
export function extractUrlKey(secret: string): string {
  return codePoints('extractUrlKey', secret).slice(0, URL_KEY_LENGTH).join('')
}

/**
 * The API key of a pararam bot secret, the `key` the bot API expects: the characters from
 * index 20 on when the secret is longer than 50 characters, else the whole secret, exactly as
 * pararamio-bot derives it (a secret of exactly 50 characters is its own API key). Characters
 * are Unicode code points, as Python counts them.
 *
 * @throws TypeError when the secret is not a string.
 * @example
 * ```ts
 * await fetch('https://api.pararam.io/bot/message', {
 *   method: 'POST',
 *   body: JSON.stringify({ key: extractApiKey(secret), chat_id: 42, text: 'hi' }),
 * })
 * ```
 */
export function extractApiKey(secret: string): string {
  const characters = codePoints('extractApiKey', secret)
  return characters.length > API_KEY_THRESHOLD ? characters.slice(API_KEY_START).join('') : secret
}

function codePoints(helper: string, secret: unknown): string[] {
  if (typeof secret !== 'string') throw new TypeError(`${helper}: the secret must be a string`)
  return Array.from(secret)
}
