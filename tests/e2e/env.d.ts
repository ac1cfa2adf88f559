declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app served by tests/e2e/globalSetup.ts, `http://127.0.0.1:<port>/` */
    baseUrl: string
  }
}

export {}
