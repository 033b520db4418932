import { createWebhook, hmacSignature, type Platform, type WebhookResponse } from '@chathooks/core'
import { request, sign } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// The platform of docs/custom-platform.md, verbatim: if this test breaks, so does the guide.
const Push = z.looseObject({
  ref: z.string(),
  repository: z.looseObject({ full_name: z.string() }),
})
const Issues = z.looseObject({ action: z.string(), issue: z.looseObject({ number: z.number() }) })
type GitHubEvents = { push: z.infer<typeof Push>; issues: z.infer<typeof Issues> }

const json = (status: number, body: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

function github(options: { secret: string | string[] }): Platform<GitHubEvents, { note: string }> {
  return {
    name: 'github',
    verify: [
      hmacSignature({ header: 'X-Hub-Signature-256', prefix: 'sha256=', secret: options.secret }),
    ],
    event: (_payload, request) => String(request.headers['x-github-event']),
    schemas: { push: Push, issues: Issues },
    idempotencyKey: (_payload, request) => request.headers['x-github-delivery']?.toString(),
    ack: () => json(202, { ok: true }),
    reply: (value) => json(200, value),
  }
}

const secret = "It's a Secret to Everybody"
const body =
  '{\n  "action": "opened",\n  "issue": { "number": 7, "title": "Ça ne marche pas ✗" }\n}\n'

async function delivery(event: string, bytes: string, id: string) {
  return request({
    body: bytes,
    headers: {
      'X-GitHub-Event': event,
      'X-GitHub-Delivery': id,
      'X-Hub-Signature-256': await sign(bytes, { secret, prefix: 'sha256=' }),
    },
  })
}

describe('a GitHub-style custom platform', () => {
  it('verifies GitHub’s published example signature', async () => {
    // From GitHub's "Validating webhook deliveries" guide.
    expect(await sign('Hello, World!', { secret, prefix: 'sha256=' })).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    )
  })

  it('names the event from its header and replies with the handler’s value', async () => {
    const webhook = createWebhook(github({ secret }))
    webhook.on('issues', ({ payload }) => ({
      note: `issue #${payload.issue.number} ${payload.action}`,
    }))
    const response = await webhook.handle(await delivery('issues', body, 'a1'))
    expect(response.status).toBe(200)
    expect(JSON.parse(String(response.body))).toEqual({ note: 'issue #7 opened' })
  })

  it('acknowledges a delivery id it has seen with 202 and does not run the handler twice', async () => {
    const webhook = createWebhook(github({ secret }))
    let runs = 0
    webhook.on('issues', () => {
      runs++
      return { note: 'once' }
    })
    await webhook.handle(await delivery('issues', body, 'a2'))
    const repeat = await webhook.handle(await delivery('issues', body, 'a2'))
    expect(repeat.status).toBe(202)
    expect(runs).toBe(1)
  })

  it('refuses a push whose payload lacks the fields its schema needs', async () => {
    const webhook = createWebhook(github({ secret }))
    const response = await webhook.handle(await delivery('push', '{"ref":1}', 'a3'))
    expect(response.status).toBe(400)
    const { error, issues } = JSON.parse(String(response.body))
    expect(error).toBe('invalid_payload')
    expect(issues.map((issue: { path: string }) => issue.path)).toEqual(['ref', 'repository'])
  })
})
