import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@chathooks/source'] },
  ssr: { resolve: { conditions: ['@chathooks/source', 'node'] } },
  test: {
    name: 'bench',
    root: new URL('.', import.meta.url).pathname,
    benchmark: { include: ['**/*.bench.ts'] },
    // Files side by side would time each other's load; on 2 cores Vitest runs one at a time
    // anyway, on more it would not.
    fileParallelism: false,
  },
})
