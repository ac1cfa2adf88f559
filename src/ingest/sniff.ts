// What a dropped file really is, told from its bytes before any reader touches them: clerks rename files, and the
// old binary formats would otherwise come out of a CSV reader as garbage or a baffling parser error.

export type SniffCode =
  | 'xlsx'
  | 'text'
  | 'empty'
  | 'xls'
  | 'et'
  | 'doc'
  | 'encrypted'
  | 'ole'
  | 'xlsb'
  | 'ods'
  | 'docx'
  | 'zip'
  | 'png'
  | 'jpeg'
  | 'pdf'
  | 'utf16le'
  | 'utf16be'
  | 'binary'

/** Which reader takes the bytes; null: none, the file gets the sentence of `describeSniff`. */
export function readerFor(code: SniffCode): 'workbook' | 'csv' | null {
  return code === 'xlsx' ? 'workbook' : code === 'text' ? 'csv' : null
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b)
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]

export function sniffBytes(bytes: Uint8Array, fileName = ''): SniffCode {
  if (bytes.length === 0) return 'empty'
  if (startsWith(bytes, OLE)) return sniffCompoundFile(bytes, fileName)
  if (startsWith(bytes, ZIP) && (bytes[2] ?? 0) < 0x10) return sniffZip(bytes)
  if (startsWith(bytes, PNG)) return 'png'
  if (startsWith(bytes, JPEG)) return 'jpeg'
  if (startsWith(bytes, PDF)) return 'pdf'
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'text'
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf16le'
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf16be'
  return sniffText(bytes.subarray(0, 8192))
}

/**
 * UTF-16 without a BOM shows as NUL bytes on one side of each pair (the high byte of ASCII commas, digits and line
 * ends); NULs anywhere else mean binary content, never UTF-8 or GBK text.
 */
function sniffText(sample: Uint8Array): SniffCode {
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  const nuls = even + odd
  if (nuls === 0) return 'text'
  const pairs = sample.length / 2
  if (nuls >= pairs * 0.1 && odd >= nuls * 0.95) return 'utf16le'
  if (nuls >= pairs * 0.1 && even >= nuls * 0.95) return 'utf16be'
  return 'binary'
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0

/** The names of a zip's entries, from its central directory; null when there is none (a cut-off file). */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const count = u16(bytes, end + 10)
  let at = u32(bytes, end + 16)
  const names: string[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count && at + 46 <= bytes.length && u32(bytes, at) === 0x02014b50; i++) {
    const nameLength = u16(bytes, at + 28)
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)))
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
  }
  return names
}

function sniffZip(bytes: Uint8Array): SniffCode {
  const names = zipEntryNames(bytes) ?? []
  const has = (name: string) => names.some((n) => n.toLowerCase() === name)
  if (has('xl/workbook.xml')) return 'xlsx'
  if (has('xl/workbook.bin')) return 'xlsb'
  if (names.some((n) => n.toLowerCase().startsWith('word/'))) return 'docx'
  if (has('content.xml') && has('mimetype')) return 'ods'
  return 'zip'
}

// Sector numbers from 0xFFFFFFFA up are markers (end of chain, free, FAT, DIFAT), not sectors.
const LAST_MARKER = 0xfffffffa

/**
 * The stream names of an OLE compound file ([MS-CFB]): the header's first 109 FAT sectors give the chain of the
 * directory, whose 128-byte entries start with the UTF-16 name. Null when the structure does not hold together.
 */
function compoundFileStreams(bytes: Uint8Array): string[] | null {
  const shift = u16(bytes, 0x1e)
  if (shift !== 9 && shift !== 12) return null
  const size = 1 << shift
  const sector = (n: number) => (n + 1) * size
  const fatSectors: number[] = []
  for (let i = 0; i < Math.min(109, u32(bytes, 0x2c)); i++) fatSectors.push(u32(bytes, 0x4c + 4 * i))
  const nextSector = (n: number) => {
    const fat = fatSectors[Math.floor((n * 4) / size)]
    return fat === undefined ? LAST_MARKER : u32(bytes, sector(fat) + ((n * 4) % size))
  }
  const names: string[] = []
  const seen = new Set<number>()
  for (let s = u32(bytes, 0x30); s < LAST_MARKER && !seen.has(s); s = nextSector(s)) {
    seen.add(s)
    const start = sector(s)
    if (start + size > bytes.length) return names.length ? names : null
    for (let at = start; at < start + size; at += 128) {
      const length = Math.min(64, u16(bytes, at + 0x40))
      if (length < 2) continue
      names.push(new TextDecoder('utf-16le').decode(bytes.subarray(at, at + length - 2)))
    }
  }
  return names
}

function sniffCompoundFile(bytes: Uint8Array, fileName: string): SniffCode {
  const streams = compoundFileStreams(bytes) ?? []
  if (streams.includes('EncryptedPackage')) return 'encrypted'
  if (streams.includes('Workbook') || streams.includes('Book')) return /\.ett?$/i.test(fileName) ? 'et' : 'xls'
  if (streams.includes('WordDocument')) return 'doc'
  return /\.ett?$/i.test(fileName) ? 'et' : /\.xl[st]$/i.test(fileName) ? 'xls' : 'ole'
}
