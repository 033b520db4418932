import { expect, it } from 'vitest'

// The subpath's runtime names are its API; a change here is a CHANGELOG entry.
it('exports exactly the documented runtime names from @chathooks/core/viber', async () => {
  const viber = await import('@chathooks/core/viber')
  expect(Object.keys(viber).sort()).toEqual([
    'ViberApiError',
    'createViberClient',
    'viber',
    'welcome',
  ])
})
