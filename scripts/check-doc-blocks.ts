// Type-checks every TypeScript block of the documentation as its own ES module, in one program,
// against the workspace's sources: `pnpm docs:check`, or
// `pnpm exec tsx scripts/check-doc-blocks.ts docs/testing.md` for some pages. See README.md here.
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import ts from 'typescript'
import {
  documentationFiles,
  NO_CHECK,
  pagePosition,
  readSnippets,
  type Snippet,
  snippetText,
} from './doc-snippets.ts'
import { checkModules } from './snippet-program.ts'
import { root } from './workspace.ts'

const PRELUDE = join(import.meta.dirname, 'docs-prelude.ts')

// Each snippet is a virtual `.mts` file beside its page: ESM whatever the nearest package.json
// says, and resolving its imports from the page's folder.
function modulePath(snippet: Snippet): string {
  return `${snippet.file}.line-${snippet.blocks[0]?.line}.mts`
}

function describe(diagnostic: ts.Diagnostic, byPath: ReadonlyMap<string, Snippet>): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
  const { file, start = 0 } = diagnostic
  const snippet = file && byPath.get(file.fileName)
  let where = file ? relative(root, file.fileName) : 'tsc'
  if (file && snippet) {
    const { line, character } = file.getLineAndCharacterOfPosition(start)
    where = pagePosition(snippet, line, character)
  }
  return `${where} error TS${diagnostic.code}: ${message}`
}

function main(args: readonly string[]): number {
  const files = args.length > 0 ? args.map((file) => resolve(file)) : documentationFiles()
  const { snippets, skipped, problems } = readSnippets(files)
  const byPath = new Map(snippets.map((snippet) => [modulePath(snippet), snippet]))
  const modules = new Map([...byPath].map(([path, snippet]) => [path, snippetText(snippet)]))
  const failures = [
    ...problems,
    ...checkModules(modules, [PRELUDE]).map((diagnostic) => describe(diagnostic, byPath)),
  ]
  for (const failure of failures) console.error(failure)
  const blocks = snippets.reduce((sum, snippet) => sum + snippet.blocks.length, 0)
  const summary =
    `docs: ${blocks} TypeScript blocks of ${files.length} pages type-checked, ` +
    `${skipped} marked ${NO_CHECK}, ${failures.length} failures`
  if (failures.length === 0) {
    console.info(summary)
    return 0
  }
  console.error(summary)
  return 1
}

process.exitCode = main(process.argv.slice(2))
