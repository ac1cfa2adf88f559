import { describe, expect, it } from 'vitest'
import { columnLabel, describeBatchPart, describeClash, describeConflict, describeScopes, inSheet, kindName } from '@/i18n/describeData'
import type { BatchPart } from '@/ingest/batches'
import type { Conflict } from '@/ingest/uploadSession'

const Y2024 = { org: '806001', year: 2024 }
const counts = { new: 0, changed: 0, unchanged: 4, removed: 33, rows: 4, sourceRows: 4 }
const replaced: Pick<BatchPart, 'kind' | 'sheet' | 'mode' | 'scopes' | 'within' | 'counts'> = {
  kind: 'indicators', sheet: null, mode: 'replace', scopes: [Y2024], within: null, counts,
}

describe('the batch history', () => {
  it('states a replacing file’s effect in full: added, changed, unchanged, removed and what it replaced', () => {
    expect(describeBatchPart(replaced, 'zh')).toBe('指标 4 行：新增 0，修改 0，不变 4，删除 33（替换2024年全部指标）')
    expect(describeBatchPart(replaced, 'en')).toBe('Indicators, 4 row(s): 0 new, 0 changed, 4 unchanged, 33 removed (replaces all indicators of 2024)')
  })

  it('names the project a 绩效目标表 replaced and the sheet it came from', () => {
    const form = { ...replaced, sheet: '绩效目标表', within: { column: 'scope', values: ['P1'] }, counts: { ...counts, removed: 1 } }
    expect(describeBatchPart(form, 'zh')).toBe('工作表「绩效目标表」 · 指标 4 行：新增 0，修改 0，不变 4，删除 1（替换2024年项目 P1 的指标）')
  })

  it('counts a ledger’s payments beside its project-months', () => {
    const ledger = { ...replaced, kind: 'ledger' as const, mode: 'upsert' as const, scopes: [], counts: { ...counts, removed: 0, rows: 30, sourceRows: 1200 } }
    expect(describeBatchPart(ledger, 'zh')).toBe('支付明细 30 行：新增 0，修改 0，不变 4，删除 0 · 1,200 笔支付汇总为 30 个项目月份')
  })
})

describe('files that would overwrite each other', () => {
  const conflict: Conflict = {
    kind: 'actuals', sheet: null, otherId: 2, otherFile: '报表.xlsx', otherSheet: '11月', reason: 'same-rows', rows: 3, scopes: [],
  }

  it('names the other file and its sheet, and how many rows both hold', () => {
    expect(describeConflict(conflict, 'zh')).toBe('与「报表.xlsx」工作表「11月」有 3 行相同（完成值）：后应用的会覆盖先应用的。')
    expect(describeConflict(conflict, 'en')).toBe('3 rows (actuals) are also in "报表.xlsx", sheet "11月": whichever is applied later overwrites the other.')
  })

  it('names the year both files replace', () => {
    const scope = { ...conflict, kind: 'indicators' as const, otherSheet: null, otherFile: 'b.csv', reason: 'same-scope' as const, rows: 0, scopes: [Y2024] }
    expect(describeConflict(scope, 'zh')).toBe('与「b.csv」都将替换2024年的指标：后应用的会替换先应用的。')
  })

  it('says what to do with two sheets of one workbook that share rows', () => {
    const clash = { ...conflict, sheet: '补报', otherSheet: '11月', rows: 1 }
    expect(describeClash(clash, 'zh')).toBe('工作表「补报」与工作表「11月」有 1 行相同（完成值），无法判断以哪个为准：请删去重复的行后重新上传。')
  })
})

describe('labels', () => {
  it('heads the indicator preview’s two bases differently', () => {
    expect(columnLabel('indicators', 'measure', 'zh')).toBe('口径')
    expect(columnLabel('indicators', 'basis', 'zh')).toBe('指标值确定依据')
    expect(columnLabel('actuals', 'basis', 'zh')).toBe('数据口径')
  })

  it('shows a column the catalogue does not name by its key, even one named like an object’s property', () => {
    expect(columnLabel('actuals', 'extra', 'en')).toBe('extra')
    expect(columnLabel('actuals', 'constructor', 'zh')).toBe('constructor')
  })

  it('names every kind and says where rows of another unit go', () => {
    expect(kindName('spending_plan', 'zh')).toBe('支出计划')
    expect(kindName(null, 'en')).toBe('Unrecognised')
    expect(describeScopes([Y2024, { org: 'B', year: 2024 }], 'zh', (org) => (org === 'B' ? '教育局' : null))).toBe('2024年、2024年 · 教育局')
  })

  it('puts the sheet before a sentence about one of its rows', () => {
    expect(inSheet('11月', '第5行 完成值 "一百" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。', 'zh')).toBe('工作表「11月」第5行 完成值 "一百" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。')
    expect(inSheet(null, '第5行 完成值 "一百" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。', 'zh')).toBe('第5行 完成值 "一百" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。')
  })
})
