import { describe, expect, it } from 'vitest'
import { headerCells } from '@/ingest/decode'
import { fixture } from '../../support'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('headerCells', () => {
  it('reads the first row of a file saved by Excel with BOM, or as GBK with CRLF', () => {
    const headers = ['指标编码', '月份', '完成值', '单位']
    expect(headerCells(fixture('actuals_utf8_bom.csv')).slice(0, 4)).toEqual(headers)
    expect(headerCells(fixture('actuals_gbk_crlf.csv')).slice(0, 4)).toEqual(headers)
  })

  it('reads quoted headers with commas, doubled quotes and line breaks, trimmed, and stops at the row’s end', () => {
    expect(headerCells(utf8(' 指标编码 ,"月份,期间","说""明""","两\n行"\r\nD01,2024-07,"1,2",x\r\n'))).toEqual([
      '指标编码',
      '月份,期间',
      '说"明"',
      '两\n行',
    ])
  })

  it('gives no header for an empty file', () => {
    expect(headerCells(new Uint8Array())).toEqual([])
  })
})
