import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleTarget } from '@chathooks/conformance'
import { afterAll } from 'vitest'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The runtimes' own binaries, installed from npm as dev dependencies. Not the `.bin` shims: a
 * shim is a shell or Node script that runs the binary as its child, so SIGTERM sent to the
 * shim never reaches the runtime and a killed shim leaves the runtime running.
 */
export const BINARIES = {
  bun: here('../node_modules/bun/bin/bun.exe'),
  deno: here('../node_modules/deno/deno'),
  workerd: here('../node_modules/workerd/bin/workerd'),
}

/** Why `binary` cannot run on this machine, or `undefined` when `binary --version` works. */
export function cannotRun(binary: string): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 15_000 })
  if (result.error !== undefined) return `${binary} cannot run here: ${result.error.message}`
  if (result.status !== 0) return `${binary} --version exited ${result.status}: ${result.stderr}`
  return undefined
}

/**
 * Bundles a target script for a runtime into a temporary folder removed after the file's
 * tests; resolves with the folder, the bundle's path and its input files.
 */
export async function bundled(script: string, conditions: readonly string[]) {
  const work = mkdtempSync(join(tmpdir(), 'chathooks-hono-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const outfile = join(work, script.replace(/\.ts$/, '.mjs'))
  const inputs = await bundleTarget({ entry: here(`targets/${script}`), outfile, conditions })
  return { work, outfile, inputs }
}
