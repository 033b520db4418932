import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports the plugin as its default export, and nothing else at runtime', async () => {
  const exports = await import('../src/index.ts')
  expect(Object.keys(exports)).toEqual(['default'])
  expect(exports.default).toBeTypeOf('function')
})
