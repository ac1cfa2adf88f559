import { headerOf } from './canonicalCsv'
import { sniffBytes, type SniffCode } from './sniff'

export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE'

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['UTF-8', 'UTF-8 (BOM)', 'GB18030', 'UTF-16LE', 'UTF-16BE']

const BOM = [0xef, 0xbb, 0xbf]
const hasBom = (bytes: Uint8Array) => bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]

const CHUNK = 8 << 20
const SAMPLE = 1 << 20
const HEAD = 64 << 10

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export interface Utf8File {
  bytes: Uint8Array
  encoding: TextEncodingName
  /** Only samples were checked (`sampleOnly` on a big file): the reader that takes the bytes checks the rest. */
  sampled: boolean
}

/**
 * Excel and WPS on a Chinese Windows machine save GBK; elsewhere UTF-8, with or without BOM. Detected, never asked:
 * strict UTF-8 first (GBK text is almost never valid UTF-8), else GB18030, the standard label that covers GBK.
 *
 * The file as UTF-8 bytes for DuckDB's CSV reader, without holding it as one JS string (a 250 MB ledger would not fit
 * comfortably): UTF-8 is checked chunk by chunk and passed on as is (DuckDB skips the BOM); GBK is decoded and
 * re-encoded chunk by chunk. `sampleOnly` checks four 1 MB samples of a big file, for a reader that itself refuses
 * invalid UTF-8 (DuckDB's CSV reader): when that reader fails, the caller converts with `gb18030ToUtf8`. Yields
 * between chunks so that the page keeps responding; `onProgress` gets 0…1.
 */
export async function toUtf8Bytes(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => {},
  { sampleOnly = false } = {},
): Promise<Utf8File> {
  const encoding = hasBom(bytes) ? 'UTF-8 (BOM)' : 'UTF-8'
  try {
    if (sampleOnly && bytes.length > 4 * SAMPLE) {
      for (const at of [0, bytes.length / 3, (2 * bytes.length) / 3, bytes.length - SAMPLE].map(Math.floor)) {
        let start = at
        while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, start + SAMPLE), { stream: true })
      }
      onProgress(1)
      return { bytes, encoding, sampled: true }
    }
    const strict = new TextDecoder('utf-8', { fatal: true })
    for (let at = 0; at < bytes.length; at += CHUNK) {
      strict.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length })
      onProgress(Math.min(1, (at + CHUNK) / bytes.length))
      if (bytes.length > CHUNK) await nextTask()
    }
    return { bytes, encoding, sampled: false }
  } catch {
    return { bytes: await gb18030ToUtf8(bytes, onProgress), encoding: 'GB18030', sampled: false }
  }
}

/** GBK (GB18030) bytes re-encoded as UTF-8, chunk by chunk. */
export const gb18030ToUtf8 = (bytes: Uint8Array, onProgress: (fraction: number) => void = () => {}) =>
  reencode(bytes, 'gb18030', onProgress)

/** Bytes in `label`'s encoding re-encoded as UTF-8, chunk by chunk (a BOM is dropped). */
async function reencode(bytes: Uint8Array, label: string, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const decoder = new TextDecoder(label)
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  let size = 0
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const part = encoder.encode(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length }))
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
  return out
}

/**
 * The header row of a file as picked, UTF-8 or GBK (the first 64 KiB decoded on their own), read as the rewrite
 * into canonical CSV reads it (blank rows above it, tabs, quotes): what kind of file this is can be told before the
 * whole file is decoded.
 */
export function headerCells(bytes: Uint8Array): string[] {
  const start = bytes.subarray(0, HEAD)
  let head: string
  try {
    head = new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true })
  } catch {
    head = new TextDecoder('gb18030').decode(start, { stream: true })
  }
  return headerOf(new TextEncoder().encode(head))
}

/** A file's bytes as UTF-8 text, or what the bytes are when they are no text this app reads. */
export type DecodedText = Utf8File | { notText: SniffCode }

/**
 * What the bytes are first (`sniff.ts`): text as UTF-8 (`toUtf8Bytes`); UTF-16 with or without BOM — what Excel's
 * "Unicode 文本" saves, tab-separated — decoded to UTF-8 as well; anything else (a workbook, an image, binary) is
 * named by its sniff code for the caller's sentence, before any CSV reader sees it.
 */
export async function decodeText(
  bytes: Uint8Array,
  fileName: string,
  onProgress: (fraction: number) => void = () => {},
  options: { sampleOnly?: boolean } = {},
): Promise<DecodedText> {
  const code = sniffBytes(bytes, fileName)
  if (code === 'utf16le' || code === 'utf16be') {
    const label = code === 'utf16le' ? 'utf-16le' : 'utf-16be'
    return { bytes: await reencode(bytes, label, onProgress), encoding: code === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE', sampled: false }
  }
  if (code !== 'text' && code !== 'empty') return { notText: code }
  return toUtf8Bytes(bytes, onProgress, options)
}

/** A small file as a string: UTF-8 (its BOM dropped) when it is valid UTF-8, else GBK/GB18030. */
export function decodeSmallText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
