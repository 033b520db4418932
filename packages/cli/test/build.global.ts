import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Builds the CLI's dist and the dist of the packages it imports (core, node, hono), in that
 * order, with `tsc -b`: the tests run `dist/bin.js` as a user's shell would. Incremental, so
 * a second run with nothing changed takes a moment.
 */
export default async function build(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const projects = ['packages/core', 'packages/node', 'packages/hono', 'packages/cli']
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [tsc, '-b', ...projects],
      { cwd: root, timeout: 180_000 },
      (error, stdout, stderr) =>
        error === null
          ? resolve()
          : reject(new Error(`tsc -b failed before the CLI tests:\n${stdout}${stderr}`)),
    )
  })
}
