export interface StaticServer {
  /** `http://127.0.0.1:<port>/`, always ending with '/' */
  url: string
  port: number
  close(): Promise<void>
}

/** Serves `root` over HTTP; port 0 picks a free port. */
export function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<StaticServer>
