export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030'

/**
 * Excel and WPS on a Chinese Windows machine save GBK; elsewhere UTF-8, with or without BOM. Detected, never asked:
 * strict UTF-8 first (GBK text is almost never valid UTF-8), else GB18030, the standard label that covers GBK.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  try {
    // The default decoder drops the BOM.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { text, encoding: hasBom ? 'UTF-8 (BOM)' : 'UTF-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' }
  }
}

/** CSV text as Excel opens it correctly: UTF-8 with BOM, CRLF. */
export function encodeCsvForExcel(text: string): Uint8Array {
  const body = new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'))
  const out = new Uint8Array(body.length + 3)
  out.set([0xef, 0xbb, 0xbf])
  out.set(body, 3)
  return out
}
