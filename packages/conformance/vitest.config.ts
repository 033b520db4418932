import { defineProject } from 'vitest/config'

export default defineProject({
  // Tests run on the sources: the source condition picks src/ over dist/ in every package.
  resolve: { conditions: ['@chathooks/source'] },
  ssr: { resolve: { conditions: ['@chathooks/source', 'node'] } },
  test: {
    name: 'conformance',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../test-support/strict-console.ts'],
  },
})
