import { describe, expect, it } from 'vitest'
import { readerFor, sniffBytes } from '@/ingest/sniff'
import { describeSniff } from '@/ingest/workbookMessages'
import { fixture } from '../../support'
import { addMonthlyReport, workbookBytes } from './excelBooks'

/** A minimal OLE compound file ([MS-CFB], 512-byte sectors): the header, one FAT sector, one directory sector. */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3)
  const view = new DataView(bytes.buffer)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  view.setUint16(0x18, 0x3e, true)
  view.setUint16(0x1a, 3, true)
  view.setUint16(0x1c, 0xfffe, true)
  view.setUint16(0x1e, 9, true)
  view.setUint16(0x20, 6, true)
  view.setUint32(0x2c, 1, true)
  view.setUint32(0x30, 1, true)
  view.setUint32(0x38, 4096, true)
  view.setUint32(0x3c, 0xfffffffe, true)
  view.setUint32(0x44, 0xfffffffe, true)
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + 4 * i, i === 0 ? 0 : 0xffffffff, true)
  for (let i = 0; i < 128; i++) view.setUint32(512 + 4 * i, i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, true)
  ;['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + 128 * i
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true)
    view.setUint16(at + 0x40, (name.length + 1) * 2, true)
    bytes[at + 0x42] = i === 0 ? 5 : 2
  })
  return bytes
}

const utf16le = (text: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  if (bom) out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16((bom ? 2 : 0) + 2 * i, text.charCodeAt(i), true)
  return out
}
const utf16be = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xfe, 0xff])
  for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), false)
  return out
}
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
const CSV = '指标编码,月份,完成值\r\nD01,2024-11,16\r\nD06,2024-11,"1,200.50"\r\n'

describe('telling a file by its bytes', () => {
  it('names an old Excel 97-2003 workbook and says to save it as .xlsx or CSV', () => {
    const code = sniffBytes(fixture('spending_plan_excel97.xls'), '支出计划.xls')
    expect(code).toBe('xls')
    expect(readerFor(code)).toBeNull()
    expect(describeSniff(code, '支出计划.xls')).toBe(
      '「支出计划.xls」是旧版 Excel 97-2003 工作簿（.xls），本系统无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。',
    )
  })

  it('sees through an .xls renamed .csv', () => {
    const code = sniffBytes(compoundFile(['Workbook', '\u0005SummaryInformation']), '完成值.csv')
    expect(code).toBe('xls')
    expect(describeSniff(code, '完成值.csv')).toBe(
      '「完成值.csv」扩展名为 .csv，但实际上是旧版 Excel 97-2003 工作簿（.xls），本系统无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。',
    )
  })

  it('names a WPS .et file by its extension, its streams being those of an .xls', () => {
    expect(sniffBytes(compoundFile(['Workbook']), '指标.et')).toBe('et')
    expect(describeSniff('et', '指标.et')).toBe('「指标.et」是 WPS 表格文件（.et），本系统无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。')
  })

  it('tells a password-protected workbook from an old one', () => {
    const code = sniffBytes(compoundFile(['EncryptionInfo', 'EncryptedPackage']), '指标.xlsx')
    expect(code).toBe('encrypted')
    expect(describeSniff(code, '指标.xlsx')).toBe(
      '「指标.xlsx」是设置了打开密码的加密文件，本系统无法读取：请在 Excel 或 WPS 中取消打开密码，另存为 .xlsx 或 CSV 后再上传。',
    )
  })

  it('names Word documents, old and new', () => {
    expect(sniffBytes(fixture('headers_word97.doc'), 'a.doc')).toBe('doc')
    expect(sniffBytes(fixture('headers_word.docx'), 'a.docx')).toBe('docx')
    expect(describeSniff('docx', '绩效目标.docx')).toBe(
      '「绩效目标.docx」是 Word 文档（.docx），不是表格：请把其中的表格复制到 Excel 或 WPS 表格，另存为 .xlsx 或 CSV 后再上传。',
    )
  })

  it('names an OLE file whose directory cannot be read by its header alone', () => {
    const header = new Uint8Array(512)
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(sniffBytes(header, 'x.bin')).toBe('ole')
    expect(sniffBytes(header, 'x.xls')).toBe('xls')
  })

  it('reads an .xlsx renamed .csv as a workbook', async () => {
    const bytes = await workbookBytes((wb) => addMonthlyReport(wb))
    const code = sniffBytes(bytes, '11月完成值.csv')
    expect(code).toBe('xlsx')
    expect(readerFor(code)).toBe('workbook')
    expect(describeSniff(code, '11月完成值.csv')).toBeNull()
  })

  it('says a PNG named .xlsx is a picture', () => {
    const code = sniffBytes(PNG, '截图.xlsx')
    expect(code).toBe('png')
    expect(describeSniff(code, '截图.xlsx')).toBe('「截图.xlsx」扩展名为 .xlsx，但实际上是 PNG 图片，不是表格：请上传 .xlsx 或 CSV 文件。')
  })

  it('names JPEG, PDF, OpenDocument and zip files', () => {
    expect(sniffBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'a.jpg')).toBe('jpeg')
    expect(sniffBytes(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'a.pdf')).toBe('pdf')
    expect(sniffBytes(fixture('spending_plan.ods'), 'a.ods')).toBe('ods')
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'a.zip')).toBe('zip')
  })

  it('finds UTF-16 text with a BOM, and without one by its NUL-interleaved bytes', () => {
    expect(sniffBytes(utf16le(CSV, true), 'a.csv')).toBe('utf16le')
    expect(sniffBytes(utf16le(CSV, false), 'a.csv')).toBe('utf16le')
    expect(sniffBytes(utf16be(CSV), 'a.txt')).toBe('utf16be')
    expect(describeSniff('utf16le', '完成值.txt')).toBe(
      '「完成值.txt」是 UTF-16 编码的文本（Excel"Unicode 文本"格式），本系统无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。',
    )
  })

  it('takes UTF-8 and GBK CSV for text, and text with stray NUL bytes for binary', () => {
    expect(sniffBytes(fixture('actuals_utf8_bom.csv'), 'a.csv')).toBe('text')
    expect(sniffBytes(fixture('actuals_gbk_crlf.csv'), 'a.csv')).toBe('text')
    expect(readerFor('text')).toBe('csv')
    const withNul = new TextEncoder().encode(`${CSV}\u0000${CSV.repeat(20)}`)
    expect(sniffBytes(withNul, 'a.csv')).toBe('binary')
    expect(sniffBytes(new Uint8Array(), 'a.csv')).toBe('empty')
  })
})
