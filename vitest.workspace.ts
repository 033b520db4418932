import { defineConfig } from 'vitest/config'

// The one Vitest config: a project per package, each with its own `vitest.config.ts`.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
})
