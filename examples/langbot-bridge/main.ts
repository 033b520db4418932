import { createWebhook } from '@chathooks/core'
import { httpBot, LangBotError } from '@chathooks/core/langbot'
import { serve } from '@chathooks/node'

// Pushes are signed with the inbound secret, reply parts with the outbound one. The defaults
// are public: use them for local tries only.
const inboundSecret = process.env.LB_INBOUND_SECRET ?? 'local-only-inbound-secret'
const outboundSecret = process.env.LB_OUTBOUND_SECRET ?? 'local-only-outbound-secret'
// The caller's endpoint that every reply part is POSTed to. It is configuration, never read
// from a request, so nobody can make the bot post elsewhere.
const callbackUrl = process.env.LB_CALLBACK_URL ?? 'http://127.0.0.1:8900/callback'

// Stands in for a model streaming its answer: the text comes in pieces, a little apart.
async function* answer(question: string): AsyncGenerator<string> {
  const pieces = ['About "', question, '": ', 'the export timed out, ', 'it works again now.']
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    yield piece
  }
}

const bot = createWebhook(httpBot({ inboundSecret, outboundSecret, callbackUrl }))
  .on('message', async ({ payload, reply }) => {
    const question = payload.message
      .map((segment) => (segment.type === 'Plain' ? segment.text : ''))
      .join('')
    // Each reply() is one signed callback; the caller sees this one before the answer starts.
    reply('Looking into it…')
    for await (const chunk of answer(question)) reply(chunk, { stream: true })
    // The returned value is the last part, the one marked is_final.
    return 'Anything else?'
  })
  .onError((error) => {
    // A part the callback URL refused (4xx) or never acknowledged, after every retry.
    if (error instanceof LangBotError) console.warn('reply part lost', error.code, error.sequence)
    else console.error('the handler failed', error)
  })

const server = await serve(
  { '/langbot': bot },
  { port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1' },
)
console.info(`listening on ${server.url}, the bot's URL: <public origin>/langbot`)

// Parts still queued live in memory only: close() stops accepting, then waits until every one
// is delivered or given up, so a planned restart loses none.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close())
