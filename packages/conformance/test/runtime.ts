import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { bundleTarget } from '../src/index.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The runtimes' own binaries, installed from npm as dev dependencies. Not the `.bin` shims: a
 * shim is a shell or Node script, and SIGTERM sent to it never reaches the runtime.
 */
export const BINARIES = {
  bun: here('../node_modules/bun/bin/bun.exe'),
  deno: here('../node_modules/deno/deno'),
}

/**
 * Bundles a target script for a runtime into a temporary folder removed after the file's
 * tests; resolves with the bundle's path and its input files.
 */
export async function bundled(script: string, conditions: readonly string[]) {
  const work = mkdtempSync(join(tmpdir(), 'chathooks-conformance-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const outfile = join(work, script.replace(/\.ts$/, '.mjs'))
  const inputs = await bundleTarget({ entry: here(`targets/${script}`), outfile, conditions })
  return { outfile, inputs }
}
