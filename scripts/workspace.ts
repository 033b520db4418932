import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** The repository root: the folder above `scripts/`. */
export const root: string = join(import.meta.dirname, '..')

/** The fields of a workspace package's `package.json` that the checks read. */
export interface Manifest {
  readonly name: string
  readonly version?: string
  readonly private?: boolean
  readonly exports?: Readonly<Record<string, unknown>>
  readonly bin?: string | Readonly<Record<string, string>>
}

/** A package of the pnpm workspace. */
export interface WorkspacePackage {
  /** Absolute path of the package's folder. */
  readonly dir: string
  /** The folder relative to the root, with `/`: `packages/core`. */
  readonly path: string
  readonly manifest: Manifest
}

// pnpm-workspace.yaml is read with a parser for the one shape it has (a `packages:` list of
// `folder`, `folder/*` or `folder/**` globs, `!` to exclude), so the scripts need no YAML library.
function workspaceGlobs(): { include: string[]; exclude: string[] } {
  const lines = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').split('\n')
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line))
  if (start === -1) throw new Error('pnpm-workspace.yaml has no `packages:` list')
  const include: string[] = []
  const exclude: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue
    const item = /^\s*-\s+['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line)
    if (!item?.[1] && !/^\s/.test(line)) break
    if (!item?.[1]) throw new Error(`pnpm-workspace.yaml: cannot read "${line.trim()}"`)
    const glob = item[1].replace(/\/$/, '')
    if (glob.startsWith('!')) exclude.push(glob.slice(1))
    else include.push(glob)
  }
  return { include, exclude }
}

function hasManifest(dir: string): boolean {
  return statSync(join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile() === true
}

function subfolders(dir: string): string[] {
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .map((entry) => join(dir, entry.name))
}

function expand(glob: string): string[] {
  if (glob.endsWith('/**')) {
    const walk = (dir: string): string[] => [dir, ...subfolders(dir).flatMap(walk)]
    return subfolders(join(root, glob.slice(0, -3))).flatMap(walk)
  }
  if (glob.endsWith('/*')) return subfolders(join(root, glob.slice(0, -2)))
  return [join(root, glob)]
}

/**
 * Lists the packages of the workspace, as pnpm-workspace.yaml declares them, sorted by folder.
 *
 * @throws Error when pnpm-workspace.yaml has no `packages:` list, or a line of it is not a glob.
 * @example
 * const published = workspacePackages().filter((pkg) => pkg.manifest.private !== true)
 */
export function workspacePackages(): WorkspacePackage[] {
  const { include, exclude } = workspaceGlobs()
  const excluded = new Set(exclude.flatMap(expand))
  const dirs = [...new Set(include.flatMap(expand))].filter(
    (dir) => !excluded.has(dir) && hasManifest(dir),
  )
  return dirs.sort().map((dir) => ({
    dir,
    path: relative(root, dir).split('\\').join('/'),
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
  }))
}

/**
 * Lists the workspace packages that are published: those not marked `"private": true`.
 *
 * @example
 * for (const pkg of publishedPackages()) console.info(pkg.manifest.name)
 */
export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((pkg) => pkg.manifest.private !== true)
}

/**
 * Reads the compiler options of tsconfig.base.json, the strict settings every package extends,
 * with `customConditions: ['@chathooks/source']` so workspace packages resolve to sources.
 *
 * @example
 * baseCompilerOptions().exactOptionalPropertyTypes // true
 */
export function baseCompilerOptions(): ts.CompilerOptions {
  const base = join(root, 'tsconfig.base.json')
  const config = ts.readConfigFile(base, ts.sys.readFile)
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, base).options
}
