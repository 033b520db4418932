// The part of Deno's API this example uses, for `tsc`: Deno's own types are not installed in
// this workspace. A project of your own type-checks with `deno check` instead of this file.
declare global {
  namespace Deno {
    interface ServeHandlerInfo {
      readonly remoteAddr: { readonly hostname: string }
    }
    interface HttpServer {
      shutdown(): Promise<void>
    }
    function serve(
      options: {
        hostname?: string
        port?: number
        onListen?: (address: { readonly hostname: string; readonly port: number }) => void
      },
      handler: (request: Request, info: ServeHandlerInfo) => Response | Promise<Response>,
    ): HttpServer
    const env: { get(name: string): string | undefined }
    function addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void
    function exit(code: number): never
  }
}

export {}
