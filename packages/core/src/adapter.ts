// `@chathooks/core/adapter`: what an adapter for another framework or runtime needs beyond
// `webhook.handle` and `webhook.fetch`, so every adapter refuses and mounts alike.

export { concatBytes } from './crypto/codec.ts'
export { belowMount, toMountPath } from './internal/mount.ts'
export { assertKnownOptions } from './internal/options.ts'
export { bodyTooLarge, notFound } from './internal/refusals.ts'
