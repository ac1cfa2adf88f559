// The Content-Security-Policy the app ships with: in index.html as a <meta> (vite.config.ts) for any static server,
// and as a header from scripts/static-server.mjs, `vite preview` and the nginx line in README.md. Why each source:
// DuckDB compiles its wasm ('wasm-unsafe-eval') in a worker of the app's own ('self'); ECharts draws tooltips with
// inline styles ('unsafe-inline' styles, never scripts); saved chart images are data: and blob: URLs.

const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** The policy as a <meta http-equiv>: browsers ignore frame-ancestors there (and Chromium says so in the console). */
export const META_POLICY = DIRECTIVES.join('; ')

/** The policy as a response header, where frame-ancestors works: no other site may frame the app. */
export const HEADER_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
