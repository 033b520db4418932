import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const entry = (name: string) => fileURLToPath(new URL(`../src/${name}`, import.meta.url))

// Every public entry point, read from the exports map so a new subpath is covered at once.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const publicEntries = Object.values(manifest.exports as Record<string, unknown>)
  .filter((target): target is Record<string, string> => typeof target === 'object')
  .map((target) => (target['@chathooks/source'] ?? '').replace('./src/', ''))

async function bundle(file: string, conditions: string[]) {
  const result = await build({
    entryPoints: [entry(file)],
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
  const inputs = Object.keys(result.metafile.inputs)
  // External modules never appear among the inputs: what the output still imports does.
  const imports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.map((imported) => imported.path),
  )
  const code = result.outputFiles.map((file) => file.text).join('\n')
  return { inputs, imports, code }
}

// Core must run on workerd and in browsers: only the node build of its crypto module may touch
// `node:*`, and no bundler targeting those runtimes may be handed that build.
describe.each([
  ['workerd', ['workerd', 'worker']],
  ['browser', ['browser']],
  ['default', []],
])('core bundled for %s', (_, conditions) => {
  it.each(publicEntries)('%s pulls in no node: module', async (file) => {
    const { inputs, imports, code } = await bundle(file, conditions)
    expect(inputs.filter((input) => input.endsWith('crypto/node.ts'))).toEqual([])
    expect(imports.filter((path) => path.startsWith('node:'))).toEqual([])
    expect(code).not.toMatch(/["']node:/)
    // An entry that signs anything gets the Web Crypto build; one that signs nothing gets none.
    const crypto = inputs.filter((input) => /crypto\/(web|node)\.ts$/.test(input))
    expect(crypto.every((input) => input.endsWith('crypto/web.ts'))).toBe(true)
  })
})

describe('core bundled for node', () => {
  it('uses the node:crypto build', async () => {
    const { inputs } = await bundle('index.ts', ['node'])
    expect(inputs.some((input) => input.endsWith('crypto/node.ts'))).toBe(true)
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(false)
  })
})
