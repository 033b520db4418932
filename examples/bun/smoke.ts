import { checkRuntimeBots, runtimeSecrets, withExample } from '@chathooks/examples-shared/smoke'

// Starts the example on Bun as `pnpm start` does (Bun's own binary from node_modules, not a
// shim that would not pass SIGTERM on), with secrets of its own, runs the checks the Deno
// example passes too (../shared/runtime-checks.ts), and stops it with SIGTERM.
await withExample({ dir: import.meta.dirname, env: runtimeSecrets, test: checkRuntimeBots })
