// The sentences for what the ingest finds in a file: a row problem with its line and column (第3行 完成值 …), or a
// problem with the file as a whole. Pure: the data page, the App's load-error list and the command line use it.
import { toHalfWidth } from '@/domain/halfWidth'
import { FIRST_YEAR, LAST_YEAR, type RowProblem } from '@/engine/sql/ingest'
import { MAX_COLUMNS, MAX_ROW_BYTES } from '@/ingest/canonicalCsv'
import type { FileKindSpec } from '@/ingest/fileKinds'
import type { FileProblem } from '@/ingest/stageFile'
import type { SniffCode } from '@/ingest/sniff'
import { describeSniff } from '@/ingest/workbookMessages'
import { text } from './catalogue'
import type { Lang } from './lang'

/** What a sentence needs of the file: its kind, to name columns as its header does. */
type KindOf = { readonly spec: FileKindSpec | null }

/** A column as the file's kind names it (指标编码, or the key `id` in English); `id+period` as 指标编码+月份. */
export function columnLabel(staged: KindOf, key: string, lang: Lang): string {
  if (key.includes('+')) {
    return key
      .split('+')
      .map((k) => columnLabel(staged, k.replace(/_(year|month)$/, ''), lang))
      .filter((x, i, all) => all.indexOf(x) === i)
      .join('+')
  }
  const column = staged.spec?.columns.find((c) => c.key === key)
  if (!column) return key
  return lang === 'zh' ? column.zh : column.key
}

/**
 * 第N行 and the column: by its header; for what the rewrite into canonical CSV found (`detail` holds the column's
 * letter) by its letter too, or by the letter alone where the header names none.
 */
function place(staged: KindOf, p: RowProblem, lang: Lang): string {
  const column = columnLabel(staged, p.key, lang)
  const letter = LETTERED.has(p.rule) ? (p.detail ?? '') : ''
  if (letter && column) return text(lang, 'data.problem.atLabelled', { line: p.line, column, letter })
  if (letter) return text(lang, 'data.problem.atLetter', { line: p.line, letter })
  if (!column) return text(lang, 'data.problem.atLine', { line: p.line })
  return text(lang, 'data.problem.at', { line: p.line, column })
}

const LETTERED: ReadonlySet<string> = new Set(['extra-cells', 'nul', 'unclosed-quote'])

/** The first run of Han characters after the digits of `1.2亿` or `500万元`: the unit to drop. */
const unitIn = (value: string) => /\p{Script=Han}+$/u.exec(value.replace(/\s/g, ''))?.[0] ?? ''

/** One sentence a clerk understands, with the line (the header is 第1行, as Excel numbers rows) and the column. */
export function describeProblem(staged: KindOf, p: RowProblem, lang: Lang = 'zh'): string {
  const at = place(staged, p, lang)
  const value = p.value ?? ''
  const years = { first: FIRST_YEAR, last: LAST_YEAR }
  switch (p.rule) {
    case 'required':
    case 'value-missing':
    case 'status-missing':
    case 'nul':
    case 'unclosed-quote':
      return text(lang, `data.problem.${p.rule}`, { at })
    case 'number':
    case 'number-range':
    case 'month':
    case 'date':
    case 'unknown-id':
    case 'unknown-project':
    case 'unknown-scope':
    case 'basis':
    case 'status':
    case 'direction':
    case 'measure':
    case 'plan-month':
    case 'negative':
    case 'year-range':
    case 'unknown-last-year-id':
    case 'extra-cells':
      return text(lang, `data.problem.${p.rule}`, { at, value })
    case 'integer':
      return text(lang, 'data.problem.integer', { at, value, example: p.key === 'year' ? '2024' : '6' })
    case 'number-full-width':
      return text(lang, 'data.problem.number-full-width', { at, value, halfWidth: toHalfWidth(value).replace(/\s/g, '') })
    case 'number-with-unit':
      return text(lang, 'data.problem.number-with-unit', { at, value, unit: unitIn(value) })
    case 'month-range':
    case 'date-range':
      return text(lang, `data.problem.${p.rule}`, { at, value, ...years })
    case 'duplicate':
      return text(lang, 'data.problem.duplicate', { at, value, column: columnLabel(staged, p.key, lang), first: p.detail ?? '' })
    case 'unit-mismatch': {
      // detail: `指标编码|三级指标|目标单位`
      const [id = '', name = '', unit = ''] = (p.detail ?? '').split('|')
      return text(lang, 'data.problem.unit-mismatch', { at, value, id, name, unit: unit || text(lang, 'data.problem.noUnit') })
    }
    case 'year-mismatch':
    case 'stray-year':
      return text(lang, `data.problem.${p.rule}`, { at, value, year: p.detail ?? '' })
    case 'long-row':
      return text(lang, 'data.problem.long-row', { at, limit: MAX_ROW_BYTES >> 20 })
    case 'duplicate-header': {
      // value: the two headers, detail: their letters, each `a|b`
      const [first = '', second = ''] = value.split('|')
      const [a = '', b = ''] = (p.detail ?? '').split('|')
      return text(lang, 'data.problem.duplicate-header', { line: p.line, a, b, first, second })
    }
    default:
      return text(lang, 'data.problem.other', { at, value, rule: p.rule })
  }
}

/** A problem with the whole file; a file that is no text table is named and said what it is (`describeSniff`). */
export function describeFileProblem(p: FileProblem, lang: Lang = 'zh'): string {
  switch (p.rule) {
    case 'empty':
    case 'unreadable':
    case 'no-year':
      return text(lang, `data.fileProblem.${p.rule}`)
    case 'unknown-kind':
      return text(lang, 'data.fileProblem.unknown-kind', { headers: p.detail })
    case 'missing-columns':
      return text(lang, 'data.fileProblem.missing-columns', { columns: p.detail })
    case 'wrong-kind':
      return text(lang, 'data.fileProblem.wrong-kind', { detail: p.detail })
    case 'workbook':
      return text(lang, 'data.fileProblem.workbook', { fileName: p.fileName ?? '' })
    case 'too-many-columns':
      return text(lang, 'data.fileProblem.too-many-columns', { count: p.detail, max: MAX_COLUMNS })
    case 'not-csv':
      return describeSniff(p.detail as SniffCode, p.fileName ?? '', lang) ?? text(lang, 'data.fileProblem.unreadable')
  }
}
