import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@chathooks/source'] },
  ssr: { resolve: { conditions: ['@chathooks/source', 'node'] } },
  test: {
    name: 'bench',
    root: new URL('.', import.meta.url).pathname,
    benchmark: { include: ['**/*.bench.ts'] },
  },
})
