import { bench, describe } from 'vitest'
import * as nodeBuild from '../packages/core/src/crypto/node.ts'
import * as webBuild from '../packages/core/src/crypto/web.ts'
import { body, secret } from './fixtures.ts'

// The reason core has two crypto builds: the ratio between these two lines.
const bytes = new TextEncoder().encode(body)
const nodeKey = nodeBuild.createHmacKey('sha256', secret)
const webKey = webBuild.createHmacKey('sha256', secret)

describe('HMAC-SHA256 of a 1 KB body, key prepared once', () => {
  bench('node:crypto build', async () => {
    await nodeKey.sign([bytes], 'hex')
  })
  bench('Web Crypto build', async () => {
    await webKey.sign([bytes], 'hex')
  })
})
