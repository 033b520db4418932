import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type CodeBlock, codeBlocks } from './markdown-blocks.ts'
import { root, workspacePackages } from './workspace.ts'

const CHECKED = new Set(['ts', 'typescript'])
/** The fence flag of a block that is not meant to compile: ```` ```ts no-check ````. */
export const NO_CHECK = 'no-check'
/** The fence flag of a block that goes on from the page's previous one: ```` ```ts continued ````. */
export const CONTINUED = 'continued'

/** One module to type-check: a page's block, and the `continued` blocks right after it. */
export interface Snippet {
  /** The page, absolute. */
  readonly file: string
  readonly blocks: readonly CodeBlock[]
}

/** The snippets of some pages, and what could not be read as one. */
export interface Snippets {
  readonly snippets: readonly Snippet[]
  /** How many TypeScript blocks are marked `no-check`. */
  readonly skipped: number
  /** Fences with a flag that is neither `no-check` nor `continued`, or misplaced. */
  readonly problems: readonly string[]
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return markdownFiles(path)
    return entry.name.endsWith('.md') ? [path] : []
  })
}

/**
 * Lists the documentation pages whose TypeScript is checked: every `.md` under `docs/`, the root
 * README and the README of every workspace package, so pages are covered as they land.
 *
 * @example
 * documentationFiles() // ['/repo/docs/filters.md', ..., '/repo/README.md', '/repo/packages/node/README.md']
 */
export function documentationFiles(): string[] {
  const readmes = [root, ...workspacePackages().map((pkg) => pkg.dir)]
    .map((dir) => join(dir, 'README.md'))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true)
  return [...markdownFiles(join(root, 'docs')), ...readmes]
}

/**
 * Reads the ```` ```ts ```` and ```` ```typescript ```` blocks of pages into snippets: each block
 * is a module of its own, except that a block flagged `continued` is appended to the previous
 * one; a block flagged `no-check` is counted, not checked. Any other flag is a problem, so a
 * typo never skips a block silently.
 *
 * @example
 * const { snippets, skipped, problems } = readSnippets(documentationFiles())
 */
export function readSnippets(files: readonly string[]): Snippets {
  const snippets: Snippet[] = []
  const problems: string[] = []
  let skipped = 0
  for (const file of files) {
    let previous: CodeBlock[] | undefined
    for (const block of codeBlocks(readFileSync(file, 'utf8'))) {
      if (!CHECKED.has(block.lang)) continue
      const where = `${relative(root, file)}:${block.line}`
      const [flag, ...more] = block.flags
      if (more.length > 0 || (flag !== undefined && flag !== NO_CHECK && flag !== CONTINUED)) {
        problems.push(
          `${where} error: a TypeScript fence takes ${NO_CHECK} or ${CONTINUED}, or no flag`,
        )
      } else if (flag === NO_CHECK) {
        skipped++
        previous = undefined
      } else if (flag === CONTINUED) {
        if (previous) previous.push(block)
        else problems.push(`${where} error: ${CONTINUED} follows no checked TypeScript block`)
      } else {
        previous = [block]
        snippets.push({ file, blocks: previous })
      }
    }
  }
  return { snippets, skipped, problems }
}

/** The text of a snippet's module: its blocks, one after the other. */
export function snippetText(snippet: Snippet): string {
  return snippet.blocks.map((block) => block.code).join('\n')
}

/**
 * Names the page position of a 0-based line and column of a snippet's module, and the line of
 * the fence of the block it is in: `docs/testing.md:12:5 (block at line 6)`.
 *
 * @example
 * pagePosition(snippet, 0, 0) // 'docs/testing.md:7:1 (block at line 6)'
 */
export function pagePosition(snippet: Snippet, line: number, column: number): string {
  let rest = line
  for (const block of snippet.blocks) {
    const lines = block.code.split('\n').length
    if (rest < lines) {
      const at = `${relative(root, snippet.file)}:${block.line + 1 + rest}:${block.indent + column + 1}`
      return `${at} (block at line ${block.line})`
    }
    rest -= lines
  }
  return relative(root, snippet.file)
}
