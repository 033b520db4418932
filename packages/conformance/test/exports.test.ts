import { expect, it } from 'vitest'

// What the adapter packages import: a change here changes every adapter's test file.
it('exports exactly the documented runtime names', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toEqual([
    'BODIES',
    'LIMIT',
    'NOW',
    'SECRET',
    'SIGNATURE_HEADER',
    'TIMESTAMP_HEADER',
    'URL_KEY',
    'bundleTarget',
    'createScenario',
    'delivery',
    'describeConformance',
    'inProcessTarget',
    'listenOnLoopback',
    'mountFetch',
    'probe',
    'subprocessTarget',
    'toHex',
  ])
})
