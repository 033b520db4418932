export { type BundleTargetOptions, bundleTarget } from './bundle.ts'
export type { Answer } from './client.ts'
export type { Harness } from './harness.ts'
export { inProcessTarget, listenOnLoopback } from './in-process.ts'
export {
  BODIES,
  createScenario,
  type DeliveryInit,
  delivery,
  type FetchHandler,
  LIMIT,
  mountFetch,
  NOW,
  type Observations,
  type ObservedDelivery,
  type ObservedError,
  probe,
  type Scenario,
  type ScenarioMounts,
  SECRET,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  toHex,
  URL_KEY,
} from './runtime.ts'
export { type SubprocessTargetOptions, subprocessTarget } from './subprocess.ts'
export { describeConformance } from './suite.ts'
export type { ConformanceTarget, HostedServer, StartedTarget } from './target.ts'
