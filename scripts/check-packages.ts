// Packs every published package as `pnpm publish` would (after `pnpm build`) and checks the
// tarball with publint and Are the Types Wrong: `pnpm check:packages`. See README.md here.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { publishedPackages, root, type WorkspacePackage } from './workspace.ts'

// The packages whose documentation promises `require()` from CommonJS (Node >= 20.19 loads
// their ES modules); every other package is ES-module only.
const REQUIRE_SUPPORTED = new Set(['@chathooks/express'])

// ESM only: Node 16+ ESM and bundler resolution must find the types; node10 resolution (no
// `exports`) and `require` (the types say ESM, rightly) are not promised. A package that
// supports `require` keeps node16-from-CJS checked, except for the one rule attw's bundled
// TypeScript 5.6 cannot know is fine: a require that resolves to ESM, which Node >= 20.19 runs
// and TypeScript >= 5.8 types; `node -e 'require(name)'` then proves the require for real.
const ESM_ONLY = ['--profile', 'esm-only']
const REQUIRE_TOO = ['--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm']

const bin = (name: string) => join(root, 'node_modules', '.bin', name)

interface Packed {
  readonly pkg: WorkspacePackage
  readonly tarball: string
}

interface Run {
  readonly ok: boolean
  readonly output: string
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => done({ ok: false, output: String(error) }))
    child.on('close', (code) => done({ ok: code === 0, output }))
  })
}

// One `pnpm pack` for all, by the pnpm that runs this script (`npm_execpath`), else the one on
// PATH; `workspace:*` dependencies become versions as `pnpm publish` writes them.
function pack(packages: readonly WorkspacePackage[], destination: string): Packed[] {
  const pnpm = process.env.npm_execpath ?? 'pnpm'
  const filters = packages.flatMap((pkg) => ['--filter', pkg.manifest.name])
  const args = ['--recursive', ...filters, 'pack', '--pack-destination', destination]
  const [command, prefix] = /\.[cm]?js$/.test(pnpm) ? [process.execPath, [pnpm]] : [pnpm, []]
  const packed = spawnSync(command, [...prefix, ...args], { cwd: root, encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`pnpm pack failed:\n${packed.stdout}${packed.stderr}`)
  const made = new Set(readdirSync(destination))
  return packages.map((pkg) => {
    const name = `${pkg.manifest.name.replace(/^@/, '').replace('/', '-')}-${pkg.manifest.version}.tgz`
    if (!made.has(name)) throw new Error(`pnpm pack made no ${name}`)
    return { pkg, tarball: join(destination, name) }
  })
}

// The package's own name, from its folder, resolves through its `exports` to the built dist; a
// top-level await anywhere in its module graph would make this require throw.
function tryRequire(pkg: WorkspacePackage): Promise<Run> {
  const script = `require(${JSON.stringify(pkg.manifest.name)})`
  return run(process.execPath, ['--input-type=commonjs', '-e', script], pkg.dir)
}

async function check({ pkg, tarball }: Packed): Promise<string[]> {
  const name = pkg.manifest.name
  const requires = REQUIRE_SUPPORTED.has(name)
  const profile = requires ? REQUIRE_TOO : ESM_ONLY
  const [publint, attw, required] = await Promise.all([
    run(bin('publint'), ['run', tarball, '--strict'], root),
    run(bin('attw'), [tarball, '--no-definitely-typed', '--no-color', ...profile], root),
    requires ? tryRequire(pkg) : { ok: true, output: '' },
  ])
  const problems = [
    ...(publint.ok ? [] : [`publint:\n${publint.output.trim()}`]),
    ...(attw.ok ? [] : [`attw:\n${attw.output.trim()}`]),
    ...(required.ok ? [] : [`require(${JSON.stringify(name)}):\n${required.output.trim()}`]),
  ]
  const checks = requires ? 'publint, attw, require()' : 'publint, attw (ESM only)'
  if (problems.length === 0) console.info(`packages: ${name}: ${checks} ok`)
  else console.error(`packages: ${name}: ${checks} FAILED\n${problems.join('\n')}`)
  return problems
}

async function main(): Promise<number> {
  const packages = publishedPackages()
  const names = new Set(packages.map((pkg) => pkg.manifest.name))
  const unknown = [...REQUIRE_SUPPORTED].filter((name) => !names.has(name))
  if (unknown.length > 0) throw new Error(`REQUIRE_SUPPORTED names no package: ${unknown}`)
  const destination = mkdtempSync(join(tmpdir(), 'chathooks-pack-'))
  try {
    const packed = pack(packages, destination)
    let failed = 0
    // Two at a time: each attw run starts a TypeScript of its own.
    for (let index = 0; index < packed.length; index += 2) {
      const results = await Promise.all(packed.slice(index, index + 2).map(check))
      failed += results.filter((problems) => problems.length > 0).length
    }
    console.info(`packages: ${packages.length} packed and checked, ${failed} failed`)
    return failed === 0 ? 0 : 1
  } finally {
    rmSync(destination, { recursive: true, force: true })
  }
}

process.exitCode = await main()
