import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebhook, generic, hmacSignature, MemoryStore } from '@chathooks/core'
import { sign } from '@chathooks/core/testing'

// A GitHub-style provider on a bare node:http server: the demo signs a few deliveries, sends
// them to itself over 127.0.0.1 and prints what the webhook answered, then exits.
const secret = 'demo-secret-change-me'

const webhook = createWebhook(
  generic({
    verify: hmacSignature({ header: 'X-Hub-Signature-256', prefix: 'sha256=', secret }),
    event: (payload) => String((payload as { action?: unknown }).action ?? 'unknown'),
    idempotencyKey: (_, request) => request.headers['x-delivery-id']?.toString(),
  }),
  { store: new MemoryStore() },
)

webhook.on('opened', ({ payload }) => ({
  reply: `thanks for opening #${(payload as { number: number }).number}`,
}))

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const server = createServer(async (req, res) => {
  const response = await webhook.handle({
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    body: await readBody(req),
    remoteAddress: req.socket.remoteAddress,
  })
  res.writeHead(response.status, response.headers).end(response.body)
})

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/hooks/github`
  const body = '{"action":"opened","number":42,"title":"Café ☕ menu"}\n'
  const signature = await sign(body, { secret, prefix: 'sha256=' })
  const deliveries = [
    { label: 'signed delivery', body, signature, id: 'd-1' },
    { label: 'same delivery again', body, signature, id: 'd-1' },
    { label: 'tampered body', body: body.replace('42', '43'), signature, id: 'd-2' },
    { label: 'no signature', body, signature: undefined, id: 'd-3' },
  ]
  for (const delivery of deliveries) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-delivery-id': delivery.id,
    }
    if (delivery.signature) headers['x-hub-signature-256'] = delivery.signature
    const response = await fetch(url, { method: 'POST', headers, body: delivery.body })
    console.log(`${delivery.label.padEnd(22)} → ${response.status} ${await response.text()}`)
  }
  server.close()
  await webhook.close()
})
