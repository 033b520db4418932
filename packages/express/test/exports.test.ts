import { expect, it } from 'vitest'

// The public names are the contract; a change here is a change to the API and the CHANGELOG.
it('exports exactly the documented runtime names', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toEqual([
    'captureRawBody',
    'webhookMiddleware',
  ])
})
