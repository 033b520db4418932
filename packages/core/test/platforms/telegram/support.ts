import { readFile } from 'node:fs/promises'
import type { Logger } from '@chathooks/core'
import { vi } from 'vitest'

/** A valid `secret_token`: letters, digits, `_` and `-`. */
export const SECRET = 'tg_Secret-Token_0123456789'
/** Bot tokens in BotFather's `<bot id>:<secret>` shape. */
export const BOT_A = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'
export const BOT_B = '987654321:BBFq_Zz-09xyWvUtSrQpOnMlKjIhGfEdCb'
/** Shaped like a bot token, and served by nobody. */
export const STRANGER = '555555555:CCxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'

/** The exact bytes of a fixture in `test/fixtures/telegram`. */
export async function fixture(name: string): Promise<Uint8Array> {
  const url = new URL(`../../fixtures/telegram/${name}`, import.meta.url)
  return new Uint8Array(await readFile(url))
}

/** A logger that records instead of printing, for tests where core reports a failure. */
export function quietLogger() {
  return { warn: vi.fn(), error: vi.fn() } satisfies Logger
}
