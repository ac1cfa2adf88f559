/**
 * FNV-1a, 32 bits: enough to tell changed bytes from unchanged ones, and, unlike crypto.subtle, available on a
 * plain-http intranet host (not a secure context).
 */
export const FNV_OFFSET = 0x811c9dc5

/** Continues hash `h` over `bytes`. */
export function fnv1a(h: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193)
  return h >>> 0
}

/** `<length>-<hash>` of some bytes: what tells one version of a file from another. */
export const fnv1aHex = (bytes: Uint8Array) => `${bytes.length}-${fnv1a(FNV_OFFSET, bytes).toString(16)}`
