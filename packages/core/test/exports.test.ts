import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names', async () => {
  const core = await import('@chathooks/core')
  expect(Object.keys(core).sort()).toEqual([
    'JSONKeyEquals',
    'JSONKeyExists',
    'JSONKeyIn',
    'MemoryStore',
    'StepID',
    'WebhookError',
    'and',
    'basicAuth',
    'createWebhook',
    'generic',
    'hmacSignature',
    'ipAllowlist',
    'not',
    'or',
    'secretToken',
    'timestampedSignature',
    'urlKey',
  ])
})

it('exports the testing helpers from @chathooks/core/testing', async () => {
  const testing = await import('@chathooks/core/testing')
  expect(Object.keys(testing).sort()).toEqual([
    'clustaar',
    'langbot',
    'pararam',
    'request',
    'sign',
    'tamper',
    'telegram',
    'toRequest',
    'viber',
  ])
})

it('exports the adapter building blocks from @chathooks/core/adapter', async () => {
  const adapter = await import('@chathooks/core/adapter')
  expect(Object.keys(adapter).sort()).toEqual([
    'assertKnownOptions',
    'belowMount',
    'bodyTooLarge',
    'concatBytes',
    'notFound',
    'toMountPath',
  ])
})

// The source condition comes first so this repository's tests and typecheck read src/; users,
// who do not set it, see `types` before `default`.
it('declares types before code and a package.json entry in every export', async () => {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
  expect(manifest.sideEffects).toBe(false)
  expect(manifest.exports['./package.json']).toBe('./package.json')
  for (const [path, target] of Object.entries(manifest.exports)) {
    if (path === './package.json') continue
    expect(Object.keys(target as object), path).toEqual(['@chathooks/source', 'types', 'default'])
  }
})
