import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { csvFile, csvText, sheetToCsv } from '@/export/csv'
import { assessmentSheet } from '@/export/forms'
import { amount, percent, SheetBuilder } from '@/export/sheet'
import { sheetsToXlsx } from '@/export/xlsx'
import { judged, trainingForm } from './reportFixtures'

const INJECTIONS = ['=HYPERLINK("http://evil.example","点击")', '+1+1', '-1+2', '@SUM(1)', '\t=1+1', '\r=1+1']

describe('the CSV writer', () => {
  it('writes a leading apostrophe before text that would run as a formula, quoted', () => {
    expect(csvText([INJECTIONS])).toBe(
      `"'=HYPERLINK(""http://evil.example"",""点击"")","'+1+1","'-1+2","'@SUM(1)","'\t=1+1","'\r=1+1"\r\n`,
    )
  })

  it('leaves numbers alone, and a negative number written as text', () => {
    expect(csvText([[-5, -0.25, 1e21, '-5', '-5.00', '-12.50%', '12.50%', null, '']])).toBe('-5,-0.25,1e+21,-5,-5.00,-12.50%,12.50%,,\r\n')
  })

  it('gives text that already starts with apostrophes before a formula character one more', () => {
    expect(csvText([["'=1+1", "''-x", "'plain", "it's"]])).toBe(`"''=1+1","'''-x",'plain,it's\r\n`)
  })

  it('quotes as RFC 4180 asks: quotes doubled, commas, line breaks and edge spaces inside quotes', () => {
    expect(csvText([['a "b"', 'c,d', 'e\nf', 'g\r\nh', ' i', 'j ', '中文']])).toBe(`"a ""b""","c,d","e\nf","g\r\nh"," i","j ",中文\r\n`)
  })

  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const bytes = csvFile([['指标编码', '说明'], ['D01', '=1+1']])
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(`指标编码,说明\r\nD01,"'=1+1"\r\n`)
  })
})

describe('the forms as CSV', () => {
  it('escapes a reason typed as a formula in the 自评表 and keeps its numbers numbers', () => {
    const form = trainingForm({ ...judged, A: { ...judged.A!, reason: '=HYPERLINK("http://evil.example","点击")' } })
    const text = new TextDecoder().decode(sheetToCsv(assessmentSheet(form)))
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""点击"")"`)
    expect(text).not.toMatch(/(^|,)=/m)
    expect(text).toContain(',150.00,')
  })

  it('writes a negative amount and a negative percent as the numbers they are', () => {
    const b = new SheetBuilder(3)
    b.row(['退回', amount(-5), percent(-0.125)])
    expect(new TextDecoder().decode(sheetToCsv(b.build('表', [10, 10, 10])))).toBe('退回,-5.00,-12.50%\r\n')
  })
})

describe('the forms as .xlsx', () => {
  async function written() {
    const b = new SheetBuilder(INJECTIONS.length + 1)
    b.row([...INJECTIONS, amount(-5)])
    return sheetsToXlsx([b.build('表', INJECTIONS.map(() => 20).concat(10))])
  }

  it('writes text that looks like a formula as a text cell in the Text format, never as a formula', async () => {
    const files = unzipSync(await written())
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet).not.toContain('<f>')
    const textCells = [...sheet.matchAll(/<c r="([A-Z]+)1" s="(\d+)" t="s"/g)]
    expect(textCells.map((m) => m[1])).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    const styles = strFromU8(files['xl/styles.xml']!)
    const xfs = [...(styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1])
    for (const [, , style] of textCells) expect(xfs[Number(style)]).toBe('49')
  })

  it('keeps the text exactly as typed and the number a number', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await written()) as unknown as ArrayBuffer)
    const row = wb.worksheets[0]!.getRow(1)
    expect(INJECTIONS.slice(0, 5).map((_, i) => row.getCell(i + 1).value)).toEqual(INJECTIONS.slice(0, 5))
    expect(row.getCell(INJECTIONS.length + 1).value).toBe(-5)
  })
})
