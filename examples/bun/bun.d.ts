// The part of Bun's API this example uses, for `tsc`: Bun's own types (`@types/bun`) are not
// installed in this workspace. In a project of your own, install them instead of this file.
declare global {
  namespace Bun {
    interface Server {
      readonly url: URL
      requestIP(request: Request): { readonly address: string } | null
      stop(): Promise<void>
    }
    type Handler = (request: Request, server: Server) => Response | Promise<Response>
    function serve(options: {
      hostname?: string
      port?: number
      routes?: Record<string, Handler>
      fetch: Handler
    }): Server
  }
}

export {}
