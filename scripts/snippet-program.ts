import { join } from 'node:path'
import ts from 'typescript'
import { baseCompilerOptions, root, workspacePackages } from './workspace.ts'

function compilerOptions(): ts.CompilerOptions {
  return {
    ...baseCompilerOptions(),
    // A snippet is checked, not built: what only emit needs is off.
    noEmit: true,
    composite: false,
    declaration: false,
    declarationMap: false,
    isolatedDeclarations: false,
    sourceMap: false,
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node'],
  }
}

// A package found as JavaScript only (express beside an example that does not list
// @types/express) has no types there: the next folders may have them.
const JS_ONLY = new Set(['.js', '.jsx', '.mjs', '.cjs'])
function hasTypes(resolution: ts.ResolvedModuleWithFailedLookupLocations): boolean {
  const extension = resolution.resolvedModule?.extension
  return extension !== undefined && !JS_ONLY.has(extension)
}

// An import of a module resolves from the module's own folder first; then, for `@chathooks/*`,
// zod, express..., from whichever workspace package depends on it, as it would for a user who
// installed it. `@chathooks/*` resolve to sources through the `@chathooks/source` condition.
function createHost(options: ts.CompilerOptions, modules: Map<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true)
  const cache = ts.createModuleResolutionCache(root, (name) => name, options)
  const fallbacks = workspacePackages().map((pkg) => join(pkg.dir, 'index.mts'))
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (file) => modules.has(file) || fileExists(file)
  host.readFile = (file) => modules.get(file) ?? readFile(file)
  host.getSourceFile = (file, language, onError) => {
    const text = modules.get(file)
    return text === undefined
      ? getSourceFile(file, language, onError)
      : ts.createSourceFile(file, text, language)
  }
  host.resolveModuleNameLiterals = (literals, containing, redirected, _options, sourceFile) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(sourceFile, literal, options)
      const resolveFrom = (from: string) =>
        ts.resolveModuleName(literal.text, from, options, host, cache, redirected, mode)
      const first = resolveFrom(containing)
      if (hasTypes(first) || !modules.has(containing)) return first
      for (const from of fallbacks) {
        const next = resolveFrom(from)
        if (hasTypes(next)) return next
      }
      return first
    })
  return host
}

/**
 * Type-checks in-memory modules, beside prelude files of global declarations, in one program
 * under the strict options of tsconfig.base.json (no emit, every file a module). Only the
 * diagnostics of those files are returned: the sources they import are `pnpm typecheck`'s.
 * The preludes are checked too: they are `.ts`, which `skipLibCheck` does not skip.
 *
 * @example
 * checkModules(new Map([['/repo/docs/a.md.line-3.mts', 'const a: string = 1']]), [])
 * // [a TS2322 diagnostic]
 */
export function checkModules(
  modules: Map<string, string>,
  preludes: readonly string[],
): ts.Diagnostic[] {
  const options = compilerOptions()
  const rootNames = [...preludes, ...modules.keys()]
  const program = ts.createProgram({ rootNames, options, host: createHost(options, modules) })
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...rootNames.flatMap((name) => {
      // Without a file, TypeScript would answer for every file of the program.
      const file = program.getSourceFile(name)
      if (!file) return []
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
    }),
  ]
}
