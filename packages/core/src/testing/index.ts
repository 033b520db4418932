export * as clustaar from '../platforms/clustaar/testing.ts'
export * as langbot from '../platforms/langbot/testing.ts'
export * as pararam from '../platforms/pararam/testing.ts'
export * as telegram from '../platforms/telegram/testing.ts'
export * as viber from '../platforms/viber/testing.ts'
export { type DeliveryOptions, tamper } from './delivery.ts'
export {
  request,
  type SignOptions,
  sign,
  type TestRequestInit,
  toRequest,
} from './request.ts'
