import { CliError } from '../cli-error.ts'

/**
 * Reads a `--url` value: an absolute http or https URL.
 *
 * @throws CliError `usage` naming the option otherwise.
 * @example
 * ```ts
 * const base = toHttpUrl('--url', 'http://127.0.0.1:8080/telegram')
 * ```
 */
export function toHttpUrl(option: string, value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new CliError('usage', `${option} must be an http:// or https:// URL, got "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError('usage', `${option} must be an http:// or https:// URL, got "${value}"`)
  }
  return url
}

/**
 * Where a request for `relative` (a path and query below the mount point, as the builders give
 * it) goes when the webhook is mounted at `base`: `/` is the mount URL itself, as a platform
 * calls the URL it was given, and any other path is appended to it.
 *
 * @example
 * ```ts
 * joinUrl(new URL('http://127.0.0.1:8080/pararam'), '/k3y/act') // .../pararam/k3y/act
 * ```
 */
export function joinUrl(base: URL, relative: string): URL {
  const below = new URL(relative, 'http://mount.invalid')
  const url = new URL(base)
  if (below.pathname !== '/') url.pathname = url.pathname.replace(/\/+$/, '') + below.pathname
  below.searchParams.forEach((value, name) => {
    url.searchParams.append(name, value)
  })
  return url
}
