// The runtime-neutral part of the package, from core alone: what a child process on Bun, Deno
// or workerd imports (bundled by `bundleTarget`, which points `@chathooks/conformance` here).
export { type DeliveryInit, delivery, probe } from './deliveries.ts'
export {
  BODIES,
  LIMIT,
  NOW,
  SECRET,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  URL_KEY,
} from './fixtures.ts'
export { type FetchHandler, mountFetch } from './mount-fetch.ts'
export {
  type Observations,
  type ObservedDelivery,
  type ObservedError,
  toHex,
} from './observer.ts'
export { createScenario, type Scenario, type ScenarioMounts } from './scenario.ts'
