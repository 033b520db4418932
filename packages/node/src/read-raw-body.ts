import type { IncomingMessage } from 'node:http'
import { WebhookError } from '@chathooks/core'
import { bodyTooLarge, concatBytes } from '@chathooks/core/adapter'

const BODY_ALREADY_PARSED = new WebhookError(
  'body_already_parsed',
  'The request body was read before the webhook saw it; mount the webhook before any body parser, or leave the raw bytes on req.body as a Buffer',
)

/**
 * Reads a request's raw body, exactly as received, stopping at `limit` bytes. Bytes a framework
 * already read onto `req.body` (`express.raw()`'s Buffer) are reused; any other reader that
 * consumed the stream is detected at once instead of waiting for data that will not come. A
 * declared `Content-Length` over the limit is refused before a byte is read, and a stream that
 * crosses it is paused there, so the rest is never buffered: answer with `writeResponse`, which
 * then closes the connection. Resolves `undefined` when the client went away mid-body, as
 * nobody is left to answer.
 *
 * @throws WebhookError `body_too_large` past the limit, `body_already_parsed` when the stream
 *   was consumed by someone else (both as rejections).
 * @example
 * ```ts
 * const body = await readRawBody(req, webhook.maxBodyBytes)
 * if (body !== undefined) writeResponse(res, await webhook.handle(toWebhookRequest(req, body)))
 * ```
 */
export async function readRawBody(
  req: IncomingMessage,
  limit: number,
): Promise<Uint8Array | undefined> {
  const given: unknown = (req as { body?: unknown }).body
  if (given instanceof Uint8Array) {
    if (given.byteLength > limit) throw bodyTooLarge(limit)
    return given
  }
  // A parser that skipped this request may still have left `req.body = {}` (Express 4 does):
  // only a stream read to its end means the bytes are gone.
  if (req.readableEnded) throw BODY_ALREADY_PARSED
  if (req.destroyed) return undefined
  if (Number(req.headers['content-length']) > limit) throw bodyTooLarge(limit)
  return collect(req, limit)
}

function collect(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('close', onGone).off('error', onGone)
    }
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength
      if (size <= limit) return void chunks.push(chunk)
      stop()
      req.pause()
      reject(bodyTooLarge(limit))
    }
    const onEnd = () => {
      stop()
      resolve(concatBytes(chunks))
    }
    const onGone = () => {
      stop()
      resolve(undefined)
    }
    req.on('data', onData).on('end', onEnd).on('close', onGone).on('error', onGone)
    // Someone may have paused the stream; data never flows without this.
    req.resume()
  })
}
