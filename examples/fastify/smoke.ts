import { botSecrets, checkBots, withExample } from '@chathooks/examples-shared/smoke'

// Starts the Fastify app as `pnpm start` does, with secrets of its own, runs the checks every
// framework example passes (../shared/bot-checks.ts), and stops it with SIGTERM.
await withExample({ dir: import.meta.dirname, env: botSecrets, test: checkBots })
