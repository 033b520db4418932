import { createWebhook, type Platform, type WebhookRequest } from '@chathooks/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ConformanceTarget,
  createScenario,
  delivery,
  describeConformance,
  type HostedServer,
  inProcessTarget,
  type Observations,
  type ScenarioMounts,
  type StartedTarget,
  subprocessTarget,
} from '../src/index.ts'

// A preset with its own reply type, as Telegram's or pararam's: it must fit as a mount.
const preset: Platform<{ '*': { id: number } }, { readonly text: string }> = {
  name: 'preset',
  verify: [{ name: 'none', cost: 0, verify: () => ({ ok: true }) }],
  ack: () => ({ status: 200, headers: {}, body: '' }),
  reply: (value) => ({ status: 200, headers: {}, body: value.text }),
}

describe('public types', () => {
  it('takes a preset webhook as one more mount of the scenario', () => {
    const mounts: ScenarioMounts = { ...createScenario().mounts, '/preset': createWebhook(preset) }
    expectTypeOf(mounts).toExtend<ScenarioMounts>()
  })

  it('builds targets from a host function or a child command', () => {
    expectTypeOf(inProcessTarget)
      .parameter(0)
      .toEqualTypeOf<(mounts: ScenarioMounts) => Promise<HostedServer>>()
    expectTypeOf(inProcessTarget).returns.toEqualTypeOf<ConformanceTarget>()
    expectTypeOf(subprocessTarget).toBeCallableWith({ command: ['bun', 'server.mjs'] })
    expectTypeOf(subprocessTarget).toBeCallableWith({
      command: (port: number) => ['workerd', 'serve', `--socket-addr=http=127.0.0.1:${port}`],
      cannotDrain: 'workerd has no drain',
    })
    expectTypeOf(describeConformance).parameters.toEqualTypeOf<[string, ConformanceTarget]>()
  })

  it('resolves a started target’s close() with the observations, when it can drain', () => {
    expectTypeOf<StartedTarget['close']>().returns.resolves.toEqualTypeOf<
      Observations | undefined
    >()
    expectTypeOf(delivery).returns.resolves.toEqualTypeOf<WebhookRequest>()
  })
})
