import { runScenario } from './scenario.ts'

export default {
  async fetch(): Promise<Response> {
    return new Response(JSON.stringify(await runScenario()), {
      headers: { 'content-type': 'application/json' },
    })
  },
}
