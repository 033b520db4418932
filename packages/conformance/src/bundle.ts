import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export interface BundleTargetOptions {
  /** The child's server script, importing `createScenario` and `mountFetch` from this package. */
  readonly entry: string
  /** Where the bundle is written. */
  readonly outfile: string
  /** The runtime's export conditions, e.g. `['bun', 'node']`, `['deno', 'node']`, `['workerd', 'worker', 'browser']`. */
  readonly conditions: readonly string[]
}

const RUNTIME_ENTRY = fileURLToPath(new URL('./runtime.ts', import.meta.url))

/**
 * Bundles a child process's server script with esbuild for one runtime, with that runtime's
 * export conditions, so core's crypto build is the one the runtime's users get. Imports of
 * `@chathooks/conformance` resolve to its runtime-neutral part, which uses nothing but core.
 * Resolves with the bundle's input files, so a test can check which builds went in.
 *
 * @example
 * ```ts
 * await bundleTarget({ entry: 'test/bun-serve.ts', outfile: join(work, 'bun.mjs'), conditions: ['bun', 'node'] })
 * ```
 */
export async function bundleTarget(options: BundleTargetOptions): Promise<readonly string[]> {
  const result = await build({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['@chathooks/source', ...options.conditions],
    alias: { '@chathooks/conformance': RUNTIME_ENTRY },
    external: ['node:*'],
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}
