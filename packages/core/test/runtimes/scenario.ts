import {
  basicAuth,
  createWebhook,
  generic,
  hmacSignature,
  ipAllowlist,
  timestampedSignature,
  type Verifier,
  type WebhookRequest,
} from '@chathooks/core'
import { request, sign, toRequest } from '@chathooks/core/testing'
import { z } from 'zod'

// One scenario, bundled for each runtime and run there: every answer is `status body`, so the
// test compares what each runtime's build of core answered with what a user expects.
const secret = 'runtime-secret'
const NOW = 1_718_000_000_000
const fixture = '{\n  "id": 7,\n  "text": "Grüße aus Köln 👋"\n}\n'

type Send = (req: WebhookRequest) => Promise<string>

function server(verify: Verifier, options: { maxBodyBytes?: number } = {}) {
  const webhook = createWebhook(
    generic({
      verify,
      schema: z.looseObject({ id: z.number() }),
      idempotencyKey: (payload) => String(payload.id),
    }),
    options,
  )
  let runs = 0
  webhook.on('*', ({ payload }) => {
    runs++
    return { echo: payload.id, runs }
  })
  const viaHandle: Send = async (req) => {
    const response = await webhook.handle(req)
    return `${response.status} ${String(response.body)}`
  }
  const viaFetch: Send = async (req) => {
    const response = await webhook.fetch(toRequest(req))
    return `${response.status} ${await response.text()}`
  }
  return { viaHandle, viaFetch }
}

const hub = (body: string, signature?: string) =>
  request({ body, headers: signature === undefined ? {} : { 'x-signature': signature } })

/** Runs every case and returns its answers by name. */
export async function runScenario(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const hmac = server(hmacSignature({ header: 'X-Signature', secret }), { maxBodyBytes: 64 })
  const signature = await sign(fixture, { secret })
  out['hmac, handle'] = await hmac.viaHandle(hub(fixture, signature))
  out['hmac, repeat'] = await hmac.viaHandle(hub(fixture, signature))
  const other = '{"id":8}'
  out['hmac, fetch'] = await hmac.viaFetch(hub(other, await sign(other, { secret })))
  out['hmac, tampered'] = await hmac.viaFetch(hub(fixture.replace('7', '9'), signature))
  out['hmac, missing'] = await hmac.viaHandle(hub(fixture))
  out['hmac, too large'] = await hmac.viaFetch(hub(`{"id":1,"pad":"${'x'.repeat(64)}"}`))
  const notJson = '{"id":'
  out['invalid json'] = await hmac.viaHandle(hub(notJson, await sign(notJson, { secret })))
  const wrongShape = '{"id":"seven"}'
  out['invalid payload'] = await hmac.viaHandle(hub(wrongShape, await sign(wrongShape, { secret })))

  const sha512 = server(
    hmacSignature({ header: 'X-Signature', secret, algorithm: 'sha512', encoding: 'base64' }),
  )
  out['sha512 base64'] = await sha512.viaFetch(
    hub('{"id":3}', await sign('{"id":3}', { secret, algorithm: 'sha512', encoding: 'base64' })),
  )

  const stamped = server(
    timestampedSignature({
      header: 'X-Sig',
      timestampHeader: 'X-Ts',
      prefix: 'sha256=',
      secret,
      now: () => NOW,
    }),
  )
  const at = async (offset: number, body: string) => {
    const ts = String(NOW / 1000 + offset)
    const sig = await sign([ts, '.', body], { secret, prefix: 'sha256=' })
    return request({ body, headers: { 'X-Sig': sig, 'X-Ts': ts } })
  }
  out['timestamped, in window'] = await stamped.viaFetch(await at(-299, '{"id":4}'))
  out['timestamped, expired'] = await stamped.viaHandle(await at(-301, '{"id":5}'))
  out['timestamped, future'] = await stamped.viaHandle(await at(301, '{"id":6}'))

  const basic = server(basicAuth({ username: 'bot', password: 'pä:ss' }))
  const credentials = (text: string) =>
    `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`
  const authed = (text: string) =>
    request({ body: '{"id":10}', headers: { authorization: credentials(text) } })
  out['basic auth, utf-8 and colon'] = await basic.viaFetch(authed('bot:pä:ss'))
  out['basic auth, wrong'] = await basic.viaHandle(authed('bot:pa:ss'))

  const ips = server(ipAllowlist({ allow: ['149.154.160.0/20', '2001:db8::/32'] }))
  const from = (remoteAddress: string, id: number) =>
    request({ body: `{"id":${id}}`, remoteAddress })
  out['ip, mapped v4 inside'] = await ips.viaHandle(from('::ffff:149.154.167.1', 11))
  out['ip, v6 inside'] = await ips.viaHandle(from('2001:db8::1', 12))
  out['ip, outside'] = await ips.viaHandle(from('149.154.176.1', 13))

  // Published vectors, signed by other people's code: a build that signed and verified wrongly
  // in the same way would pass every case above, but not these.
  const vectors = (verify: Verifier) =>
    createWebhook(generic({ verify })).on('*', () => ({ verified: true }))
  const answer = async (webhook: ReturnType<typeof vectors>, req: WebhookRequest) => {
    const response = await webhook.handle(req)
    return `${response.status} ${String(response.body)}`
  }
  const viber = vectors(hmacSignature({ header: 'X-Viber-Content-Signature', secret: VIBER.token }))
  out['viber vector'] = await answer(
    viber,
    request({ body: VIBER.body, headers: { 'X-Viber-Content-Signature': VIBER.signature } }),
  )
  const clustaar = vectors(
    hmacSignature({
      header: 'X-Hub-Signature',
      secret: 'test',
      algorithm: 'sha1',
      prefix: 'sha1=',
      message: (req) => ['date=', String(req.headers.date ?? 'None'), '\n', req.body],
    }),
  )
  out['clustaar vector'] = await answer(
    clustaar,
    request({ body: '{}', headers: { 'X-Hub-Signature': CLUSTAAR_SIGNATURE } }),
  )
  // RFC 4231 test case 2; the body is not JSON, so passing verification shows as a 400.
  const rfc = vectors(
    hmacSignature({ header: 'X-Mac', secret: 'Jefe', algorithm: 'sha512', encoding: 'base64' }),
  )
  out['rfc 4231 sha512 base64'] = await answer(
    rfc,
    request({ body: 'what do ya want for nothing?', headers: { 'X-Mac': RFC4231_CASE2_SHA512 } }),
  )
  return out
}

const VIBER = {
  token: '44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3',
  body: '{"event":"webhook","timestamp":4977069964384421269,"message_token":1478683725125}',
  signature: 'd21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef',
}
const CLUSTAAR_SIGNATURE = 'sha1=fc2bdea0e6a9e0dc333dece7568b5c3337a92342'
const RFC4231_CASE2_SHA512 =
  'Fkt6e/z4GeLjlfvnO1bgo4e9ZCIugx/WECcM1+olBVSXWL91wFqZSm0DT2X48Ob9yuqxo01Ka0tjbgcKOLznNw=='
