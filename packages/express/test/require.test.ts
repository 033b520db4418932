import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'

const packages = fileURLToPath(new URL('../..', import.meta.url))
const resolve = createRequire(import.meta.url).resolve
let work = ''

// The packages laid out as npm installs them: each one's own package.json (its real `exports`
// map) over an ESM build of its sources, with the other @chathooks packages imported by name.
async function install(name: string, entries: Record<string, string>): Promise<void> {
  const root = join(work, 'node_modules', '@chathooks', name)
  mkdirSync(root, { recursive: true })
  copyFileSync(join(packages, name, 'package.json'), join(root, 'package.json'))
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([out, src]) => [out, join(packages, name, src)]),
    ),
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    conditions: ['@chathooks/source', 'node'],
    external: ['@chathooks/*'],
    logLevel: 'silent',
  })
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'chathooks-express-cjs-'))
  await install('core', { index: 'src/index.ts', adapter: 'src/adapter.ts' })
  await install('node', { index: 'src/index.ts' })
  await install('express', { index: 'src/index.ts' })
  copyFileSync(
    fileURLToPath(new URL('fixtures/commonjs-app.cjs', import.meta.url)),
    join(work, 'app.cjs'),
  )
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

it.each(['express', 'express4'])(
  'serves a webhook from a CommonJS app that require()s @chathooks/express, on %s',
  (express) => {
    const result = spawnSync(process.execPath, ['app.cjs', dirname(resolve(express))], {
      cwd: work,
      encoding: 'utf8',
      timeout: 15_000,
    })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      status: 200,
      json: { received: { from: 'commonjs' }, url: '/sub' },
    })
  },
)
