import { createHmac } from 'node:crypto'
import { clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { clock, DATE, KEY, NOW } from './harness.ts'

const text = (body: Uint8Array) => new TextDecoder().decode(body)
// node:crypto directly, not chathooks' signer, so the builder is checked against another tool.
const expected = (date: string, body: Uint8Array, key = KEY) =>
  `sha1=${createHmac('sha1', key).update(`date=${date}\n`).update(body).digest('hex')}`

describe('testing.clustaar.stepReached', () => {
  it('signs date=<Date>\\n<body> with HMAC-SHA1 of the secret, as Clustaar does', async () => {
    const req = await testing.stepReached({ secret: KEY, now: clock })
    expect(req.headers.date).toBe(DATE)
    expect(req.headers['x-hub-signature']).toBe(expected(DATE, req.body))
    expect(req.headers['content-type']).toBe('application/json')
    expect([req.method, req.url, req.headers.authorization]).toEqual(['POST', '/', undefined])
  })

  it('builds a step_reached notification with the given fields', async () => {
    const req = await testing.stepReached({
      secret: KEY,
      now: clock,
      stepId: '507f191e810c19729de860eb',
      stepName: 'Track order',
      text: 'где мой заказ? 📦',
      sessionValues: { order: '42' },
    })
    const payload = JSON.parse(text(req.body))
    expect(payload).toMatchObject({
      topic: 'conversation.step_reached',
      type: 'notification_event',
      timestamp: NOW / 1000,
      data: {
        type: 'step_reached_event',
        step: { id: '507f191e810c19729de860eb', name: 'Track order' },
        session: { values: { order: '42' } },
        input: { type: 'message', text: 'где мой заказ? 📦' },
      },
    })
  })

  it('moves the Date header and the body timestamp together with age', async () => {
    const req = await testing.stepReached({ secret: KEY, now: clock, age: 30 })
    expect(req.headers.date).toBe('Mon, 10 Jun 2024 06:12:50 GMT')
    expect(JSON.parse(text(req.body)).timestamp).toBe(NOW / 1000 - 30)
    const future = await testing.stepReached({ secret: KEY, now: clock, age: -30 })
    expect(future.headers.date).toBe('Mon, 10 Jun 2024 06:13:50 GMT')
  })

  it('sends and signs a given Date exactly as written', async () => {
    const req = await testing.stepReached({ secret: KEY, now: clock, date: 'not a date' })
    expect(req.headers.date).toBe('not a date')
    expect(req.headers['x-hub-signature']).toBe(expected('not a date', req.body))
  })

  it('adds basic-auth credentials, UTF-8 and Base64, when given a username and password', async () => {
    const req = await testing.stepReached({
      secret: KEY,
      now: clock,
      username: 'bot',
      password: 'pä:ss',
    })
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('bot:pä:ss').toString('base64')}`)
  })

  it('drops the signature and the credentials but keeps the Date when unsigned', async () => {
    const req = await testing.stepReached({
      secret: KEY,
      now: clock,
      username: 'bot',
      password: 'p',
      unsigned: true,
    })
    expect(req.headers['x-hub-signature']).toBeUndefined()
    expect(req.headers.authorization).toBeUndefined()
    expect(req.headers.date).toBe(DATE)
  })

  it('changes exactly one byte of the signed body when tampered', async () => {
    const signed = await testing.stepReached({ secret: KEY, now: clock })
    const forged = await testing.stepReached({ secret: KEY, now: clock, tamper: true })
    expect(forged.headers['x-hub-signature']).toBe(signed.headers['x-hub-signature'])
    expect(forged.body.length).toBe(signed.body.length)
    expect(forged.body.filter((byte, index) => byte !== signed.body[index])).toHaveLength(1)
  })

  it('repeats a delivery byte for byte when called again with the same options and clock', async () => {
    const first = await testing.stepReached({ secret: KEY, now: clock })
    const repeat = await testing.stepReached({ secret: KEY, now: clock })
    expect(repeat).toEqual(first)
  })
})
