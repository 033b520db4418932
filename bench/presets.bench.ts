import * as testing from '@chathooks/core/testing'
import { afterAll, beforeAll, bench, describe } from 'vitest'
import { parseKeepingNumberText } from '../packages/core/src/platforms/viber/parse.ts'
import { expectAnswer } from './expect-answer.ts'
import { secret } from './fixtures.ts'
import { presetCases } from './preset-cases.ts'

// Each preset's main event through `handle`, beside the same delivery through `generic()` with
// the preset's verifiers and idempotency key, and the floor every server pays anyway (decode and
// parse the body): the steps between the lines are the preset's parser, schema and reply.
const cases = await presetCases()
const decoder = new TextDecoder()

beforeAll(async () => {
  for (const { name, request, preset, status, text, generic, genericBody } of cases) {
    expectAnswer(`${name} preset`, await preset.handle(request), status, text)
    expectAnswer(`${name} generic()`, await generic.handle(request), 200, genericBody)
  }
})

// httpBot's turns run in the background; closing waits for their reply parts.
afterAll(() =>
  Promise.all(cases.flatMap(({ preset, generic }) => [preset.close(), generic.close()])),
)

for (const { name, request, preset, generic } of cases) {
  describe(`${name}: one signed delivery through webhook.handle`, () => {
    bench('floor: JSON.parse of the body', () => {
      JSON.parse(decoder.decode(request.body))
    })
    bench('generic(): the same verifiers and key, no schema', async () => {
      await generic.handle(request)
    })
    bench(`${name}, the preset`, async () => {
      await preset.handle(request)
    })
  })
}

// Viber's 64-bit message_token would lose digits in JSON.parse; the parser that keeps it exact
// scans the top-level members first, then parses once.
const viberText = decoder.decode((await testing.viber.message({ secret })).body)
const { message_token: token } = parseKeepingNumberText(viberText, 'message_token') as {
  message_token: unknown
}
if (typeof token !== 'string' || !viberText.includes(`"message_token":${token},`)) {
  throw new Error(`the Viber sample's message_token was not kept exact: ${String(token)}`)
}

describe('Viber message body: parsing its text', () => {
  bench('JSON.parse', () => {
    JSON.parse(viberText)
  })
  bench('parseKeepingNumberText(text, "message_token")', () => {
    parseKeepingNumberText(viberText, 'message_token')
  })
})
