import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { entryCsv, pastedCells, type EntryLine } from '@/ingest/entryForm'

const line = (index: number, id: string, changes: Partial<EntryLine> = {}): EntryLine => ({
  index, id, value: '', unit: null, status: '', note: '', ...changes,
})

describe('the 填报 page as a file', () => {
  it('writes the typed lines as a 完成值 CSV of the month, numbered as the page numbers them', () => {
    const csv = entryCsv(
      [line(1, 'D01', { value: ' 19 ', unit: '个' }), line(2, 'D02'), line(3, 'D10', { status: '达成', note: '已建立, 运行良好' })],
      2024,
      11,
    )
    expect(Papa.parse<string[]>(csv ?? '').data).toEqual([
      ['__row', '指标编码', '月份', '完成值', '单位', '完成情况', '说明'],
      ['1', 'D01', '2024-11', '19', '个', '', ''],
      ['3', 'D10', '2024-11', '', '', '达成', '已建立, 运行良好'],
    ])
  })

  it('is nothing when nothing was typed', () => {
    expect(entryCsv([line(1, 'D01', { unit: '个' })], 2024, 11)).toBeNull()
  })
})

describe('a paste', () => {
  it('reads a column Excel copied, its last line end dropped', () => {
    expect(pastedCells('19\r\n95\r\n\r\n7\r\n')).toEqual(['19', '95', '', '7'])
  })

  it('takes the first cell of each row of a block copied from several columns', () => {
    expect(pastedCells('19\t个\n95\t亿元')).toEqual(['19', '95'])
  })
})
