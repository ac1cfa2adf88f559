import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import KpiCard from '@/components/kpi/KpiCard.vue'
import { toIndicator } from '@/domain/indicator'
import { indicatorProgress, type SeriesPoint } from '@/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '@/domain/settings'
import type { IndicatorRow } from '@/domain/types'
import { yearOnYear, type Comparison } from '@/domain/yearOnYear'
import { useSettingsStore } from '@/stores/settings'

const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
  id: 'D01', scope: '部门', group: '招商引资', level1: null, level2: null, name: '新签约亿元以上项目',
  targetText: '20个以上', unit: null, direction: null, measure: null, weight: null, basis: null, ...over,
})
const point = (month: number, over: Partial<SeriesPoint>): SeriesPoint => ({
  month, ytd: null, latestValue: null, valueMonth: null, status: null, statusMonth: null, dataMonth: month,
  monthValue: null, monthBasis: null, note: null, ...over,
})

function mountCard(r: IndicatorRow, series: SeriesPoint[], month = 7, comparison: Comparison | null = null) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/indicator/:id', name: 'indicator', component: { template: '<div />' } }],
  })
  const progress = indicatorProgress(toIndicator(r), series, { year: 2024, month }, DEFAULT_MONITOR_SETTINGS)
  return mount(KpiCard, { props: { progress, comparison }, global: { plugins: [router] } })
}

describe('KpiCard', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('shows a cumulative goal in its unit with 完成率, 序时进度 and the gap', () => {
    const card = mountCard(row({}), [point(7, { ytd: 11 })])
    expect(card.find('[data-role="actual"]').text()).toBe('11 个')
    expect(card.find('[data-role="completion"]').text()).toBe('55.00%')
    expect(card.find('[data-role="time-share"]').text()).toBe('58.33%')
    expect(card.find('[data-role="gap"]').text()).toBe('低于序时进度 3.33 个百分点')
    expect(card.attributes('data-light')).toBe('green')
  })

  it('shows a converted amount in the target unit, never in the unit it was entered in', () => {
    const card = mountCard(row({ id: 'D06', targetText: '实现4亿元' }), [point(7, { ytd: 2.1 })])
    expect(card.find('[data-role="actual"]').text()).toBe('2.10 亿元')
  })

  it('turns a zero-count goal red at its first event', () => {
    const card = mountCard(row({ id: 'D14', name: '重特大安全事故', targetText: '不发生', unit: '起' }), [point(7, { ytd: 1 })])
    expect(card.attributes('data-light')).toBe('red')
    expect(card.text()).toContain('已发生 1 起')
  })

  it('shows the status of a qualitative goal, coloured by its code', () => {
    const card = mountCard(row({ id: 'D10', targetText: '建立长效管理机制' }), [point(7, { status: '部分达成', statusMonth: 7 })])
    expect(card.text()).toContain('部分达成')
    expect(card.find('.status').attributes('data-status')).toBe('partial')
    expect(card.attributes('data-light')).toBe('yellow')
  })

  it('words the card in English when English is picked', () => {
    useSettingsStore().lang = 'en'
    const card = mountCard(row({}), [point(7, { ytd: 11 })])
    expect(card.find('[data-role="gap"]').text()).toBe('3.33 pts behind pace')
    const qualitative = mountCard(row({ id: 'D10', targetText: '建立长效管理机制' }), [point(7, { status: '未达成', statusMonth: 7 })])
    expect(qualitative.find('.status').text()).toBe('Not achieved')
    expect(qualitative.find('.target').text()).toBe('Target: 建立长效管理机制')
  })

  it('shows an unreadable target as written, flagged', () => {
    const card = mountCard(row({ id: 'P1-02', targetText: '100100%', name: '会议效果良好率' }), [point(7, { latestValue: 100, valueMonth: 7 })])
    expect(card.text()).toContain('100100%')
    expect(card.text()).toContain('指标值无法识别')
  })

  it('writes 上年同期 and 同比 under the figure: 11 个 against 8 个 is up 37.50%', () => {
    const card = mountCard(row({}), [point(7, { ytd: 11 })], 7, { month: 7, lastYear: 8, yoy: yearOnYear(11, 8, '个') })
    expect(card.find('[data-role="yoy"]').text()).toBe('上年同期 8 个，同比增长 37.50%')
    const none = mountCard(row({}), [point(7, { ytd: 11 })], 7, { month: 7, lastYear: null, yoy: yearOnYear(11, null, '个') })
    expect(none.find('[data-role="yoy"]').text()).toBe('无上年同期数据')
  })

  it('names the month of a figure not reported since, and the 序时 of that month it is compared with', () => {
    const card = mountCard(row({}), [point(9, { ytd: 13 }), point(10, { ytd: 13, dataMonth: 9 })], 10)
    expect(card.attributes('data-stale')).toBe('9')
    expect(card.find('[data-role="figure-month"]').text()).toBe('9月数据')
    expect(card.find('[data-role="time-share"]').text()).toBe('75.00%')
    expect(card.text()).toContain('9月序时进度')
    expect(card.find('[data-role="gap"]').text()).toBe('低于序时进度 10.00 个百分点')
  })

  it('says there is no figure yet instead of a month that does not exist', () => {
    const card = mountCard(row({}), [point(7, { dataMonth: null })])
    expect(card.find('[data-role="no-figure"]').text()).toBe('暂无完成数据')
    expect(card.text()).not.toContain('—月')
    expect(card.find('[data-role="figure-month"]').exists()).toBe(false)
  })
})
