// Generates the API reference of every published package's entry points into docs/api
// (`pnpm docs`), or only validates the TSDoc (`--check`), with TypeDoc's warnings as errors.
// Options are in typedoc.json; the entry points come from the workspace.
import { join, relative } from 'node:path'
import process from 'node:process'
import { Application, Converter, ReflectionKind } from 'typedoc'
import { baseCompilerOptions, publishedPackages, root } from './workspace.ts'

/** A documented module: `@chathooks/core/telegram` and the source file it starts from. */
interface EntryPoint {
  readonly name: string
  readonly file: string
}

// Every `exports` subpath with a source file is an entry point (`./package.json` has none).
function entryPoints(): EntryPoint[] {
  return publishedPackages().flatMap((pkg) =>
    Object.entries(pkg.manifest.exports ?? {}).flatMap(([subpath, target]) => {
      const source = (target as Record<string, unknown> | null)?.['@chathooks/source']
      if (typeof source !== 'string') return []
      return [{ name: pkg.manifest.name + subpath.slice(1), file: join(pkg.dir, source) }]
    }),
  )
}

async function main(check: boolean): Promise<number> {
  const entries = entryPoints()
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries.map((entry) => entry.file),
  })
  // One program over every entry point, resolving `@chathooks/*` to sources, as the tests do.
  app.options.setCompilerOptions(
    entries.map((entry) => entry.file),
    baseCompilerOptions(),
    undefined,
  )
  // TypeDoc names a module by its path (`core/src/platforms/telegram`); readers import it by
  // its package name and subpath.
  const names = new Map(entries.map((entry) => [entry.file, entry.name]))
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return
    const symbol = context.getSymbolFromReflection(reflection)
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName
    const name = file === undefined ? undefined : names.get(file)
    if (name !== undefined) reflection.name = name
  })

  // As TypeDoc's own command line does: an error, or a warning under treatWarningsAsErrors.
  const failed = () => {
    const { logger } = app
    if (
      !logger.hasErrors() &&
      !(app.options.getValue('treatWarningsAsErrors') && logger.hasWarnings())
    ) {
      return false
    }
    console.error(`api: TypeDoc found ${logger.errorCount} errors, ${logger.warningCount} warnings`)
    return true
  }
  const project = await app.convert()
  if (!project || failed()) return 1
  app.validate(project)
  if (failed()) return 1
  if (!check) {
    await app.generateOutputs(project)
    if (failed()) return 1
  }
  const done = check ? 'validated' : `written to ${relative(root, app.options.getValue('out'))}/`
  console.info(
    `api: ${entries.length} entry points of ${publishedPackages().length} packages ${done}`,
  )
  return 0
}

process.exitCode = await main(process.argv.includes('--check'))
