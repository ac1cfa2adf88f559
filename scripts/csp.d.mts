/** The Content-Security-Policy for index.html's <meta> (no frame-ancestors: it works only as a header). */
export const META_POLICY: string
/** The Content-Security-Policy header a server sends with every response. */
export const HEADER_POLICY: string
