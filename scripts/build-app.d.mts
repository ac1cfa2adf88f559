export const projectRoot: string
export const distDir: string

/** Production build of the app into dist/ (NODE_ENV forced to production for the build). */
export function buildApp(options?: { logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<string>
