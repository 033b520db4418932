import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUN, CONDITIONS, DENO, runtimeHarness } from '../../support/runtimes.ts'

// The delivery code claims Node, Bun, Deno and Workers: each runs one scenario, from a bundle
// built with that runtime's export conditions, and must answer the same.
const expected = {
  push: [202, 0, true],
  repeat: [409, 40901],
  sync: [
    200,
    [
      { type: 'Plain', text: 'looking at s-2' },
      { type: 'Plain', text: 'fixed' },
    ],
  ],
  reset: [200, true],
  tampered: [401, 40101],
  parts: ['s-1#1: looking at s-1', 's-1#2 final: fixed'],
  attempts: 3,
}

const entry = (name: string) => fileURLToPath(new URL(`runtimes/${name}`, import.meta.url))
const { bundle, run, runWorkerd } = runtimeHarness('chathooks-langbot-')

describe('both LangBot ends on every supported runtime', () => {
  it('deliver, retry and drain on Node', async () => {
    await bundle(entry('main.ts'), CONDITIONS.node, 'node.mjs')
    expect(run(process.execPath, ['node.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on Bun', async () => {
    await bundle(entry('main.ts'), CONDITIONS.bun, 'bun.mjs')
    expect(run(BUN, ['bun.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on Deno', async () => {
    await bundle(entry('main.ts'), CONDITIONS.deno, 'deno.mjs')
    expect(run(DENO, ['run', '--quiet', '--no-config', 'deno.mjs'])).toEqual(expected)
  })

  it('deliver, retry and drain on workerd, with the Web Crypto build', async () => {
    const inputs = await bundle(entry('worker.ts'), CONDITIONS.workerd, 'worker.js')
    expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
    expect(await runWorkerd()).toEqual(expected)
  })
}, 60_000)
