/**
 * An http or https URL option, checked at creation. Credentials in it are refused, as fetch
 * refuses to send them; the URL itself never appears in the message (it may carry a token).
 */
export function toHttpUrl(factory: string, option: string, value: unknown): URL {
  const problem = `${factory}: option "${option}" must be an http or https URL without credentials`
  if (typeof value !== 'string') throw new TypeError(problem)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(problem)
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username !== '' || url.password !== '') {
    throw new TypeError(problem)
  }
  return url
}
