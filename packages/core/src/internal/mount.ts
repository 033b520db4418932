/**
 * A mount path as the prefix it matches: `/telegram` and `/telegram/` both give `/telegram`,
 * and `/` gives `''`, which matches every path.
 *
 * @throws TypeError naming the factory and option when the path does not start with `/`.
 * @example
 * ```ts
 * const base = toMountPath('serve', 'mount "/telegram/"', '/telegram/') // '/telegram'
 * ```
 */
export function toMountPath(factory: string, option: string, value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[?#\s]/.test(value)) {
    throw new TypeError(`${factory}: ${option} must be a path starting with "/", like "/telegram"`)
  }
  return value.replace(/\/+$/, '')
}

/**
 * The part of `url` (path and query) below `mount` (as `toMountPath` gives it), starting with
 * `/`; `undefined` when the url lies outside it, so `/telegramx` is not under `/telegram`.
 *
 * @example
 * ```ts
 * belowMount('/pararam/k3y/act?x=1', '/pararam') // '/k3y/act?x=1'
 * ```
 */
export function belowMount(url: string, mount: string): string | undefined {
  if (!url.startsWith(mount)) return undefined
  const rest = url.slice(mount.length)
  if (rest === '' || rest.startsWith('?')) return `/${rest}`
  return rest.startsWith('/') ? rest : undefined
}
