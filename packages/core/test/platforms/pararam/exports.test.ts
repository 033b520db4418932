import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names from @chathooks/core/pararam', async () => {
  const module = await import('@chathooks/core/pararam')
  expect(Object.keys(module).sort()).toEqual([
    'extractApiKey',
    'extractUrlKey',
    'makeSignature',
    'pararam',
    'reply',
    'verifySignature',
  ])
})
