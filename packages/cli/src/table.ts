/** One column of a table: its heading, and whether its cells line up on the right. */
export interface Column {
  readonly heading: string
  readonly align?: 'left' | 'right'
}

/** A cell: its text, and the style to wrap it in once padded. */
export interface Cell {
  readonly text: string
  readonly style?: ((text: string) => string) | undefined
}

/**
 * Lays out rows under their headings, each column as wide as its widest cell, two spaces
 * apart. Cells are padded before they are styled, so colour codes never shift a column.
 *
 * @example
 * ```ts
 * renderTable([{ heading: 'status' }], [[{ text: '200' }]], (heading) => heading)
 * ```
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  heading: (text: string) => string,
): string[] {
  const widths = columns.map((column, index) =>
    Math.max(width(column.heading), ...rows.map((row) => width(row[index]?.text ?? ''))),
  )
  const render = (cells: readonly Cell[]) =>
    cells
      .map((cell, index) => {
        const size = widths[index] ?? 0
        const gap = ' '.repeat(Math.max(0, size - width(cell.text)))
        const padded = columns[index]?.align === 'right' ? gap + cell.text : cell.text + gap
        return cell.style === undefined ? padded : cell.style(padded)
      })
      .join('  ')
      .trimEnd()
  return [
    render(columns.map((column) => ({ text: column.heading, style: heading }))),
    ...rows.map(render),
  ]
}

/** The width of text on a terminal, counting each code point once. */
function width(text: string): number {
  return [...text].length
}
