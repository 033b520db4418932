import type { CallbackPayload } from '@chathooks/core/langbot'
import type { Paint } from '../output.ts'

/**
 * One reply part on one line: its sequence number, session, the push it answers, its text
 * (other segments by type) and whether it is final or a streamed chunk.
 *
 * @example
 * ```ts
 * formatPart(part, paint) // '#1  ticket-10293  in_3f2a…  "Looking into it…"'
 * ```
 */
export function formatPart(part: CallbackPayload, paint: Paint): string {
  const text = part.message
    .map((segment) => (segment.type === 'Plain' ? segment.text : `[${segment.type}]`))
    .join('')
  const marks = [part.is_final ? paint.green('final') : '', part.stream ? 'stream' : '']
  return [
    paint.bold(`#${part.sequence}`),
    part.session_id,
    paint.dim(part.reply_to === '' ? '(unsolicited)' : part.reply_to),
    JSON.stringify(text),
    ...marks.filter(Boolean),
  ].join('  ')
}
