// The names a documentation snippet uses but cannot define, declared for check-doc-blocks.ts.
// Keep it to these two kinds, each declared as narrowly as the docs use it:
// - runtime globals whose types are not installed here (Bun, Deno, Workers), as the subset of
//   their real signatures that the docs call;
// - the reader's own application code, which a snippet only calls.
// Anything else a snippet needs it imports or defines itself.

declare global {
  namespace Bun {
    interface Server {
      requestIP(request: Request): { address: string; port: number } | null
    }
    function serve(options: {
      fetch(request: Request, server: Server): Response | Promise<Response>
      port?: number
      hostname?: string
    }): Server
  }

  namespace Deno {
    interface ServeHandlerInfo {
      remoteAddr: { hostname: string; port: number }
    }
    function serve(
      handler: (request: Request, info: ServeHandlerInfo) => Response | Promise<Response>,
    ): { finished: Promise<void>; shutdown(): Promise<void> }
  }

  /** Cloudflare Workers' third `fetch` argument (from @cloudflare/workers-types). */
  interface ExecutionContext {
    waitUntil(promise: Promise<unknown>): void
  }

  /** The reader's error reporting: Sentry, a logger... */
  function report(error: unknown, event?: string): void

  /** The reader's storage. */
  function save(name: string, payload: unknown): Promise<void>
}

export {}
