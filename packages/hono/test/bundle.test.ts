import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url))

// The adapter is what a Worker bundles: it must pull in no node: module and no runtime's
// helper, only Hono and core's Web Crypto build.
describe.each([
  ['workerd', ['workerd', 'worker', 'browser']],
  ['a browser-like edge runtime', ['browser']],
  ['a bundler with no conditions', []],
])('@chathooks/hono bundled for %s', (_, conditions) => {
  it('pulls in no node: module and no runtime helper', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      conditions: ['@chathooks/source', ...conditions],
      metafile: true,
      // Left external so a stray import shows up in the output instead of failing the build.
      external: ['node:*'],
      logLevel: 'silent',
    })
    // An external import is no input: it shows in the output's imports, bare or dynamic alike.
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports)
    expect(imports.filter((imported) => imported.path.startsWith('node:'))).toEqual([])
    const inputs = Object.keys(result.metafile.inputs)
    expect(
      inputs.filter((input) => /@hono\/node-server|hono\/dist\/adapter\//.test(input)),
    ).toEqual([])
    expect(inputs.filter((input) => input.includes('crypto/node.ts'))).toEqual([])
  })
})
