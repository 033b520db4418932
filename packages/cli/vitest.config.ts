import { defineProject } from 'vitest/config'

export default defineProject({
  // Tests run on the sources: the source condition picks src/ over dist/ in every package.
  resolve: { conditions: ['@chathooks/source'] },
  ssr: { resolve: { conditions: ['@chathooks/source', 'node'] } },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../test-support/strict-console.ts'],
    // The tests run the built bin, so the CLI and what it imports are built first.
    globalSetup: ['./test/build.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
