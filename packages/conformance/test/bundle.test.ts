import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { bundled } from './runtime.ts'

// Targets in other processes import the scenario: it must bundle for workerd from core alone,
// leaving the suite, its HTTP client and every node: module out.
it('bundles the scenario for workerd with no node: module and the Web Crypto build', async () => {
  const { outfile, inputs } = await bundled('worker.ts', ['workerd', 'worker', 'browser'])
  expect(inputs.filter((input) => input.startsWith('node:') || input.includes('vitest'))).toEqual(
    [],
  )
  expect(inputs.some((input) => input.endsWith('crypto/web.ts'))).toBe(true)
  const own = inputs.flatMap((input) => /conformance\/src\/(.+)$/.exec(input)?.[1] ?? [])
  expect(own.sort()).toEqual([
    'deliveries.ts',
    'fixtures.ts',
    'mount-fetch.ts',
    'observer.ts',
    'preset-mounts.ts',
    'recorded.ts',
    'runtime.ts',
    'scenario.ts',
  ])
  expect(readFileSync(outfile, 'utf8')).not.toMatch(/["']node:/)
})
