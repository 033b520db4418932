/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The first word of the info string, lower-cased: `ts` for a fence opened with `ts no-check`. */
  readonly lang: string
  /** The other words of the info string: `['no-check']` there. */
  readonly flags: readonly string[]
  /** The 1-based line of the opening fence. */
  readonly line: number
  /** How many columns of indentation were removed from each line (a block inside a list item). */
  readonly indent: number
  /** The lines between the fences, without their indentation. */
  readonly code: string
}

const OPENING = /^( *)(`{3,}|~{3,})\s*([^\s`]*)([^`]*)$/

/**
 * Finds the fenced code blocks of a Markdown text, as CommonMark reads them: a fence of three or
 * more backticks or tildes, closed by a fence of the same character at least as long; a block
 * left open runs to the end of the text.
 *
 * @example
 * codeBlocks('```ts\nconst a = 1\n```\n') // [{ lang: 'ts', flags: [], line: 1, indent: 0, code: 'const a = 1' }]
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/)
  const blocks: CodeBlock[] = []
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING.exec(lines[index] ?? '')
    if (!opening) continue
    const [, spaces = '', fence = '', lang = '', rest = ''] = opening
    const closing = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && !closing.test(lines[index] ?? ''); index++) {
      body.push(stripIndent(lines[index] ?? '', spaces.length))
    }
    blocks.push({
      lang: lang.toLowerCase(),
      flags: rest.trim().split(/\s+/).filter(Boolean),
      line: start + 1,
      indent: spaces.length,
      code: body.join('\n'),
    })
  }
  return blocks
}

// CommonMark removes up to the opening fence's indentation from each content line.
function stripIndent(line: string, indent: number): string {
  const leading = /^ */.exec(line)?.[0].length ?? 0
  return line.slice(Math.min(leading, indent))
}
