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

const CHUNK = 8 << 20
const SAMPLE = 1 << 20

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The file as UTF-8 bytes for DuckDB's CSV reader, without holding it as one JS string (a 250 MB ledger would not fit
 * comfortably): UTF-8 is checked chunk by chunk and passed on as is (DuckDB skips the BOM); GBK is decoded and
 * re-encoded chunk by chunk. `sampleOnly` checks four 1 MB samples of a big file, for a reader that itself refuses
 * invalid UTF-8 (DuckDB's CSV reader): the caller converts the whole file when that reader fails. Yields between chunks so that the page keeps responding; `onProgress` gets 0…1.
 */
export async function toUtf8Bytes(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => {},
  { sampleOnly = false } = {},
): Promise<{ bytes: Uint8Array; encoding: TextEncodingName }> {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const strict = new TextDecoder('utf-8', { fatal: true })
  try {
    if (sampleOnly && bytes.length > 4 * SAMPLE) {
      for (const at of [0, bytes.length / 3, (2 * bytes.length) / 3, bytes.length - SAMPLE].map(Math.floor)) {
        let start = at
        while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, start + SAMPLE), { stream: true })
      }
      onProgress(1)
      return { bytes, encoding: hasBom ? 'UTF-8 (BOM)' : 'UTF-8' }
    }
    for (let at = 0; at < bytes.length; at += CHUNK) {
      strict.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length })
      onProgress(Math.min(1, (at + CHUNK) / bytes.length))
      if (bytes.length > CHUNK) await nextTask()
    }
    return { bytes, encoding: hasBom ? 'UTF-8 (BOM)' : 'UTF-8' }
  } catch {
    const gbk = new TextDecoder('gb18030')
    const encoder = new TextEncoder()
    const parts: Uint8Array[] = []
    let size = 0
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const part = encoder.encode(gbk.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length }))
      parts.push(part)
      size += part.length
      onProgress(Math.min(1, (at + CHUNK) / bytes.length))
      if (bytes.length > CHUNK) await nextTask()
    }
    const out = new Uint8Array(size)
    let offset = 0
    for (const part of parts) {
      out.set(part, offset)
      offset += part.length
    }
    return { bytes: out, encoding: 'GB18030' }
  }
}

/** The header row of UTF-8 bytes (what kind of file this is can be told before the whole file is read). */
export function headerCells(utf8: Uint8Array): string[] {
  const head = new TextDecoder('utf-8').decode(utf8.subarray(0, 64 << 10))
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < head.length; i++) {
    const ch = head[i]
    if (quoted) {
      if (ch === '"' && head[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') break
    else cell += ch
  }
  cells.push(cell)
  return cells.map((c) => c.trim())
}
