import { createScenario, mountFetch } from '@chathooks/conformance'

// The scenario as a Worker on workerd: webhook.fetch with the isolate's waitUntil, so ack-first
// work outlives its response. workerd cannot drain on shutdown, so its target sets
// `cannotDrain`. The ack-first gate is a promise another request resolves: the worker's config
// needs `compatibilityFlags = ["no_handle_cross_request_promise_resolution"]`, or workerd
// cancels the waiting work as hung.
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

const scenario = createScenario()
const handle = mountFetch(scenario.mounts)

export default {
  fetch: (request: Request, _env: unknown, ctx: ExecutionContext) =>
    handle(request, { waitUntil: (work) => ctx.waitUntil(work) }),
}
