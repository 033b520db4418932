export { captureRawBody } from './capture-raw-body.ts'
export {
  type ExpressRequest,
  type WebhookMiddleware,
  type WebhookMiddlewareOptions,
  webhookMiddleware,
} from './webhook-middleware.ts'
