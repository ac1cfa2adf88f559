import { toHalfWidth } from './halfWidth'
import type { Direction, ParsedTarget, TargetFlag } from './types'
import { convertValue, DURATION_UNITS, normalizeUnit } from './units'

export interface TargetOverrides {
  unit?: string | null
  direction?: string | null
}

/** Units recognised right after the number in a 指标值; the longest match wins (`亿美元` before `美元`). */
export const TARGET_UNITS: readonly string[] = [
  '亿美元', '万美元', '美元', '亿元', '千元', '万元', '元', '%',
  '个百分点', '个工作日', '工作日', '个月',
  '个', '家', '次', '项', '起', '件', '人次', '人', '户', '名', '台', '套', '场', '篇', '份', '所', '座',
  '小时', '天', '日', '周', '月', '年',
  '平方公里', '万平方米', '平方米', '公里', '公顷', '亩', '万吨', '吨',
].slice().sort((a, b) => b.length - a.length)

const DIRECTION_WORDS: ReadonlyArray<[string, Direction]> = (
  [
    ['≥', '≥'], ['>=', '≥'], ['>', '≥'], ['以上', '≥'], ['不低于', '≥'], ['不少于', '≥'], ['至少', '≥'],
    ['突破', '≥'], ['达到', '≥'], ['实现', '≥'], ['超过', '≥'], ['大于', '≥'], ['高于', '≥'],
    ['≤', '≤'], ['<=', '≤'], ['<', '≤'], ['以下', '≤'], ['以内', '≤'], ['不超过', '≤'], ['控制在', '≤'],
    ['不高于', '≤'], ['不多于', '≤'], ['低于', '≤'], ['小于', '≤'], ['至多', '≤'],
    ['=', '='], ['等于', '='],
  ] satisfies Array<[string, Direction]>
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length)

/** A target that must stay at zero: `不发生`, `杜绝`, and `零事故` (but `零售额≥50亿元` is a number). */
const ZERO_WORDS = /不发生|未发生|杜绝/
const ZERO_CHAR = /零(?!售|星|部件|件|散|钱|工|食)/

const NUMBER = /([-−]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/

export function normalizeDirection(s: string | null | undefined): Direction | null {
  if (s == null) return null
  const t = toHalfWidth(s).replace(/\s+/g, '').replace(/指标$/, '')
  if (['≥', '>=', '>', '正向', '越大越好'].includes(t)) return '≥'
  if (['≤', '<=', '<', '反向', '越小越好'].includes(t)) return '≤'
  if (['=', '==', '等于'].includes(t)) return '='
  if (['定性', '定性描述'].includes(t)) return '定性'
  return null
}

/** The direction the words of `s` give, longest word first so `不低于` is not read as `低于`. */
function directionWord(s: string): Direction | null {
  return DIRECTION_WORDS.find(([word]) => s.includes(word))?.[1] ?? null
}

/** `100100` reads as `100` typed twice: the seed's own 质量/时效 targets. */
function isDoubled(digits: string): boolean {
  const half = digits.length / 2
  return digits.length >= 4 && Number.isInteger(half) && digits.slice(0, half) === digits.slice(half)
}

type Reading =
  | { kind: 'empty' | 'words' | 'zero' }
  | { kind: 'number'; value: number | null; unit: string | null; word: Direction | null; flags: TargetFlag[] }

function read(s: string): Reading {
  if (s === '') return { kind: 'empty' }
  const m = NUMBER.exec(s)
  if (ZERO_WORDS.test(s) || (!m && ZERO_CHAR.test(s))) return { kind: 'zero' }
  if (!m) return { kind: 'words' }
  const digits = (m[2] ?? '').replace(/,/g, '')
  const value = (m[1] ? -1 : 1) * Number(digits)
  const after = s.slice(m.index + m[0].length)
  const unit = TARGET_UNITS.find((u) => after.startsWith(u)) ?? null
  const word = directionWord(s.slice(0, m.index) + ' ' + after.slice(unit?.length ?? 0))
  if (unit === '%' && value > 100) {
    return isDoubled(digits)
      ? { kind: 'number', value: null, unit, word, flags: ['unreadable'] }
      : { kind: 'number', value, unit, word, flags: ['implausible'] }
  }
  return { kind: 'number', value, unit, word, flags: [] }
}

/**
 * Reads a 指标值 as written (docs/formats.md, docs/rules.md). A value it cannot read with confidence is flagged, never "fixed":
 * `100100%` keeps its text, gets value null and the flag `unreadable`.
 */
export function parseTargetText(text: string, overrides: TargetOverrides = {}): ParsedTarget {
  const unitOverride = normalizeUnit(overrides.unit)
  const directionOverride = normalizeDirection(overrides.direction)
  const r = read(toHalfWidth(text).replace(/\s+/g, ''))
  switch (r.kind) {
    case 'empty':
      return { text, direction: directionOverride ?? '定性', value: null, unit: unitOverride, qualitative: false, flags: ['empty'] }
    case 'words':
      return { text, direction: directionOverride ?? '定性', value: null, unit: unitOverride, qualitative: true, flags: ['unmeasurable'] }
    case 'zero': {
      const direction = directionOverride ?? '≤'
      return { text, direction, value: 0, unit: unitOverride, qualitative: direction === '定性', flags: [] }
    }
  }
  const flags = [...r.flags]
  let value = r.value
  const unit = unitOverride ?? r.unit
  if (unitOverride !== null && r.unit !== null && value !== null) value = convertValue(value, r.unit, unitOverride) ?? value
  if (unit === null) flags.push('missing-unit')
  const direction = directionOverride ?? r.word ?? '≥'
  if (directionOverride === null && r.word === null && unit !== null && DURATION_UNITS.has(unit)) flags.push('missing-direction')
  return { text, direction, value, unit, qualitative: direction === '定性', flags }
}
