import { afterEach, beforeEach, expect, vi } from 'vitest'

// A test that prints to the console unexpectedly fails: chathooks logs only through the
// logger it is given, so stray output means a swallowed error or a forgotten debug line.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const

beforeEach(() => {
  for (const method of methods) vi.spyOn(console, method)
})

afterEach(() => {
  for (const method of methods) {
    const calls = vi.mocked(console[method]).mock.calls
    expect(calls, `unexpected console.${method}`).toEqual([])
  }
  vi.restoreAllMocks()
})
