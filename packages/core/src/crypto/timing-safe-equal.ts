/**
 * Compares a received value with the expected one in time that depends only on the received
 * value's length, never on where they differ or on the expected value's length, so neither a
 * signature nor a token's length leaks through timing.
 */
export function timingSafeEqual(expected: string, received: string): boolean {
  const size = expected.length
  let diff = size ^ received.length
  for (let i = 0; i < received.length; i++) {
    diff |= received.charCodeAt(i) ^ (size === 0 ? 0 : expected.charCodeAt(i % size))
  }
  return diff === 0 && size > 0
}
