/** The secret every scenario mount verifies with; the suite signs with it. */
export const SECRET = 'conformance-secret'

/** The scenario's clock (epoch ms): its replay window is judged against this, never the wall clock. */
export const NOW = 1_718_000_000_000

/** Every scenario mount's `maxBodyBytes`, small so "one byte over" costs nothing to send. */
export const LIMIT = 1024

/** The URL key of the `/keyed` mount: its first path segment. */
export const URL_KEY = 'k3y-0f-8'

/** The headers the scenario's timestamped signature is read from. */
export const SIGNATURE_HEADER = 'x-signature'
export const TIMESTAMP_HEADER = 'x-timestamp'

/**
 * Exact body bytes a real sender produces and a re-serializing adapter would break: pretty
 * printed with a trailing newline, non-ASCII text written as is (no BOM, no `\u` escapes),
 * emoji outside the BMP, and escapes that `JSON.stringify` would rewrite.
 */
export const BODIES = {
  compact: '{"id":"compact-1","text":"hello"}',
  pretty: '{\n  "id": "pretty-1",\n  "text": "Grüße aus Köln"\n}\n',
  emoji: '{"id":"emoji-1","text":"deploy done 🚀🎉 👍🏽"}',
  cyrillic: '{"id":"cyrillic-1","text":"Привет, мир! Съешь же ещё этих мягких французских булок"}',
  escapes: '{"id":"escapes-1","text":"caf\\u00e9 \\/ \\"quoted\\"","n":1.50}',
} as const

/** The bot token the `/telegram` mount serves on `/:token`, as Telegram puts it in the path. */
export const TELEGRAM_TOKEN = '123456789:conformance-bot_token'

/** The `secret_token` the `/telegram` mount also requires in its header. */
export const TELEGRAM_SECRET = 'conformance-telegram-secret'

/** The `/pararam` mount's bot secret; its first 8 characters are the URL key. */
export const PARARAM_SECRET = 'pararam-conformance-secret-0123456789'

/** The `/langbot` mount's inbound secret, which also signs its callbacks. */
export const LANGBOT_SECRET = 'conformance-langbot-secret'
