import { readFile } from 'node:fs/promises'
import { CliError } from './cli-error.ts'
import type { CliPlatform } from './platforms/index.ts'

/**
 * Reads a `--data` file: a JSON object of the event's fields as the platform's sample
 * builders name them (`{"text": "hi", "chatId": -100123}`), checked against the platform's
 * field list so a typo is an error rather than a silently ignored field.
 *
 * @throws CliError `bad_data` when the file cannot be read, is not JSON, is not an object, or
 *   names a field the platform's builders do not take.
 * @example
 * ```ts
 * const fields = await readDataFile('message.json', findPlatform('telegram'))
 * ```
 */
export async function readDataFile(
  path: string,
  platform: CliPlatform,
): Promise<Readonly<Record<string, unknown>>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new CliError('bad_data', `cannot read data file ${path}: ${String(code ?? error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CliError('bad_data', `data file ${path} is not JSON: ${(error as Error).message}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError('bad_data', `data file ${path} must hold a JSON object of event fields`)
  }
  const unknown = Object.keys(data).filter((field) => !platform.fields.includes(field))
  if (unknown.length > 0) {
    throw new CliError(
      'bad_data',
      `data file ${path}: ${platform.name} samples take no field ${unknown.map((f) => `"${f}"`).join(', ')}; fields: ${platform.fields.join(', ')}`,
    )
  }
  return data as Record<string, unknown>
}
