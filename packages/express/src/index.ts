export { captureRawBody } from './capture-raw-body.ts'
export {
  type ExpressRequest,
  type WebhookMiddleware,
  webhookMiddleware,
} from './webhook-middleware.ts'
