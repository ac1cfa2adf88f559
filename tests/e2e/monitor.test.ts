// The overview, an indicator page and the spending page against figures computed here from data/*.csv, without
// importing the app's domain code: a second, independent reading of the rules of DOMAIN.md.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, screenshot, waitReady, type OpenedPage } from './browser'
import { factor, monthOf, num, readCsv as readCsvIn, seedDir } from './seedCsv'

const readCsv = (name: string) => readCsvIn(seedDir(2024), name)

const indicators = readCsv('indicators.csv')
const actuals = readCsv('actuals.csv')
const projects = readCsv('projects.csv')
const plans = readCsv('spending_plan.csv')
const spending = readCsv('spending.csv')
const latestMonth = Math.max(...actuals.map((a) => monthOf(a.月份!)), ...spending.map((s) => monthOf(s.月份!)))
const round2 = (x: number) => Math.round(x * 100) / 100
const pct = (share: number) => `${(share * 100).toFixed(2)}%`

interface Expected {
  id: string
  light: string
  actual: number | null
  completion: number | null
  gap: number | null
}

function expectedAt(month: number): Expected[] {
  const share = month / 12
  return indicators
    .filter((i) => i.所属 === '部门')
    .map((ind) => {
      const id = ind.指标编码!
      const rows = actuals.filter((a) => a.指标编码 === id && monthOf(a.月份!) <= month).sort((a, b) => monthOf(a.月份!) - monthOf(b.月份!))
      if (ind.指标性质 === '定性') {
        const status = rows.filter((r) => r.完成情况).at(-1)?.完成情况
        const light = status === '达成' ? 'green' : status === '部分达成' ? 'yellow' : status === '未达成' ? 'red' : 'none'
        return { id, light, actual: null, completion: null, gap: null }
      }
      const target = Number(/[\d.]+/.exec(ind.指标值!)?.[0] ?? '0')
      const unit = ind.单位!
      const value = (r: Record<string, string>) => num(r.完成值!) * factor(r.单位!, unit)
      if (ind.口径 === '时点') {
        const last = rows.filter((r) => r.完成值).at(-1)
        const v = last ? value(last) : null
        const light = v === null ? 'none' : v >= target ? 'green' : target - v <= 0.1 * target ? 'yellow' : 'red'
        return { id, light, actual: v, completion: v === null ? null : v / target, gap: null }
      }
      // 累计: the latest 累计 row plus the 当月 rows after it
      let ytd: number | null = null
      for (const r of rows) {
        if (!r.完成值) continue
        ytd = r.数据口径 === '当月' ? (ytd ?? 0) + value(r) : value(r)
      }
      if (ind.指标性质 === '≤') return { id, light: ytd === null ? 'none' : ytd <= target ? 'green' : 'red', actual: ytd, completion: null, gap: null }
      if (ytd === null) return { id, light: 'none', actual: null, completion: null, gap: null }
      const completion = ytd / target
      const r = Math.round((completion / share) * 1e9) / 1e9
      const light = r < 0.6 ? 'red' : r < 0.8 ? 'yellow' : r < 1.2 ? 'green' : 'blue'
      return { id, light, actual: ytd, completion, gap: round2((completion - share) * 100) }
    })
}

const gapText = (gap: number) => (gap > 0 ? `超序时进度 ${gap.toFixed(2)} 个百分点` : gap < 0 ? `低于序时进度 ${Math.abs(gap).toFixed(2)} 个百分点` : '与序时进度持平')

/** Cumulative plan share (0..1) at a month: linear between the milestones from (0, 0). */
function planShare(code: string, month: number): number {
  let cum = 0
  const points = plans.filter((p) => p.项目编码 === code).map((p) => ({ m: Number(p.月份), share: (cum += num(p.计划支出比例!)) }))
  let prev = { m: 0, share: 0 }
  for (const p of points) {
    if (month <= p.m) return (prev.share + ((p.share - prev.share) * (month - prev.m)) / (p.m - prev.m)) / 100
    prev = p
  }
  return prev.share / 100
}

function expectedSpending(month: number) {
  return projects.map((p) => {
    const code = p.项目编码!
    const budget = num(p.调整后预算数 || p.预算数!)
    const spent = spending.filter((s) => s.项目编码 === code && monthOf(s.月份!) <= month).reduce((sum, s) => sum + num(s.支出金额!), 0)
    const rate = spent / budget
    const r = rate / (month / 12)
    return { code, budget, spent, rate, plan: planShare(code, month), light: r < 0.6 ? 'red' : r < 0.8 ? 'yellow' : 'green' }
  })
}

async function readCards(page: Page) {
  return page.$$eval('main [data-indicator]', (cards) =>
    cards.map((c) => ({
      id: c.getAttribute('data-indicator'),
      light: c.getAttribute('data-light'),
      completion: c.querySelector('[data-role="completion"]')?.textContent?.trim() ?? null,
      gap: c.querySelector('[data-role="gap"]')?.textContent?.trim() ?? null,
    })),
  )
}

/** Every live chart's title and series data, straight from ECharts. */
async function readCharts(page: Page) {
  return page.evaluate(() =>
    [...((globalThis as { __jxCharts?: Set<{ getOption(): Record<string, unknown> }> }).__jxCharts ?? [])].map((c) => {
      const o = c.getOption() as { title?: { text?: string }[]; yAxis?: { data?: string[] }[]; series: { name: string; data: unknown[] }[] }
      return {
        title: o.title?.[0]?.text ?? '',
        categories: o.yAxis?.[0]?.data ?? [],
        series: o.series.map((s) => ({
          name: s.name,
          data: s.data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d)),
        })),
      }
    }),
  )
}

async function checkOverview(page: Page, month: number) {
  const cards = await readCards(page)
  const expected = expectedAt(month)
  for (const e of expected) {
    const card = cards.find((c) => c.id === e.id)
    expect(card, e.id).toBeDefined()
    expect(card?.light, `${e.id} light at month ${month}`).toBe(e.light)
    if (e.completion !== null) expect(card?.completion, `${e.id} 完成率`).toBe(pct(e.completion))
    if (e.gap !== null) expect(card?.gap, `${e.id} gap`).toBe(gapText(e.gap))
  }
  expect(await page.textContent('[data-role="time-share"]')).toBe(pct(month / 12))

  const completionChart = (await readCharts(page)).find((c) => c.title === '定量目标完成率与序时进度')
  expect(completionChart).toBeDefined()
  const names = new Map(indicators.map((i) => [i.三级指标!, i.指标编码!]))
  completionChart!.categories.forEach((name, i) => {
    const e = expected.find((x) => x.id === names.get(name))
    expect(completionChart!.series[0]!.data[i], name).toBe(Math.round((e?.completion ?? 0) * 10000) / 100)
  })

  for (const s of expectedSpending(month)) {
    const row = page.locator(`tr[data-project="${s.code}"]`).first()
    expect(await row.getAttribute('data-light'), `${s.code} light`).toBe(s.light)
    expect((await row.locator('[data-role="rate"]').textContent())?.trim()).toBe(pct(s.rate))
  }
}

let browser: Browser
let opened: OpenedPage

beforeAll(async () => {
  browser = await launchBrowser()
  opened = await openPage(browser, inject('baseUrl'), '#/')
  await waitReady(opened.page)
})

afterAll(async () => {
  await opened?.close()
  await browser?.close()
})

describe('monitoring on the seed data', () => {
  it('shows every department card with the light, 完成率 and gap computed independently, as of the latest month', async () => {
    expect(await opened.page.inputValue('[data-role="as-of"]')).toBe(String(latestMonth))
    await checkOverview(opened.page, latestMonth)
  })

  it('recomputes everything as it stood at the end of July when 数据截至 is switched', async () => {
    await opened.page.selectOption('[data-role="as-of"]', '7')
    await opened.page.waitForFunction(() => document.querySelector('[data-role="as-of-label"]')?.textContent?.endsWith('-07'))
    await checkOverview(opened.page, 7)
    await screenshot(opened.page, 'monitor-overview-july')
  })

  it('opens 固定资产投资 from its card with its definition, figures, reasons and chart as of July', async () => {
    const { page } = opened
    await page.click('[data-indicator="D07"]')
    await waitReady(page)
    const e = expectedAt(7).find((x) => x.id === 'D07')!
    expect(await page.textContent('[data-role="target-text"]')).toBe('达到120亿元')
    expect(await page.textContent('[data-role="actual"]')).toBe(`${e.actual!.toFixed(2)} 亿元`)
    expect(await page.textContent('[data-role="completion"]')).toBe(pct(e.completion!))
    expect(await page.textContent('[data-role="gap"]')).toBe(gapText(e.gap!))
    expect(await page.textContent('[data-role="estimate"]')).toBe(`${((e.actual! / 7) * 12).toFixed(2)} 亿元`)
    expect(await page.textContent('[data-role="required-pace"]')).toBe(`${((120 - e.actual!) / 5).toFixed(2)} 亿元`)
    expect(await page.locator('tr[data-month]').count()).toBe(7)
    const julyNote = actuals.find((a) => a.指标编码 === 'D07' && a.月份 === '2024-07')!.说明
    expect(await page.textContent('tr[data-month="7"] [data-role="note"]')).toBe(julyNote)

    const trend = (await readCharts(page)).find((c) => c.title.startsWith('固定资产投资'))!
    const ytd = actuals.filter((a) => a.指标编码 === 'D07').map((a) => num(a.完成值!))
    expect(trend.series[0]!.data.slice(0, 7)).toEqual(ytd.slice(0, 7))
    expect(trend.series[0]!.data.slice(7).every((v) => v === null || v === '-')).toBe(true)
    expect(trend.series.find((x) => x.name === '序时进度线')!.data[6]).toBe(70)
    // last year's line: 2023's 固定资产投资 by July, from data/2023
    const lastYear = readCsvIn(seedDir(2023), 'actuals.csv').find((a) => a.指标编码 === 'D07' && a.月份 === '2023-07')!
    expect(trend.series.find((x) => x.name === '上年同期')!.data[6]).toBe(num(lastYear.完成值!))

    const download = page.waitForEvent('download')
    await page.click('[data-role="save-png"]')
    expect((await download).suggestedFilename()).toBe('固定资产投资.png')

    await page.selectOption('[data-role="likelihood-select"]', '完全不可能')
    expect(await page.textContent('[data-role="likelihood-confirmed"]')).toContain('人工确认')
    await screenshot(page, 'monitor-indicator-D07')
  })

  it('shows each project’s execution against its plan and 序时进度 on the spending page', async () => {
    const { page } = opened
    await page.click('nav a[href="#/spending"]')
    await waitReady(page)
    for (const s of expectedSpending(7)) {
      const card = page.locator(`section.pace-card[data-project="${s.code}"]`)
      expect(await card.getAttribute('data-light')).toBe(s.light)
      expect(await card.locator('[data-role="rate"]').textContent()).toBe(pct(s.rate))
      expect(await card.locator('[data-role="plan-share"]').textContent()).toBe(pct(s.plan))
      expect(await card.locator('[data-role="time-share"]').textContent()).toBe(pct(7 / 12))
    }
    const charts = await readCharts(page)
    expect(charts.length).toBe(projects.length + 1)
    for (const s of expectedSpending(7)) {
      const chart = charts.find((c) => c.title.startsWith(projects.find((p) => p.项目编码 === s.code)!.项目名称!))!
      const named = (name: string) => chart.series.find((x) => x.name === name)!
      // 招商引资 is new in 2024: no line of last year
      expect(chart.series.map((x) => x.name)).toEqual(['累计执行率', ...(s.code.endsWith('0001C') ? [] : ['上年同期']), '资金支出计划', '序时进度'])
      expect(named('累计执行率').data[6]).toBe(Math.round(s.rate * 10000) / 100)
      expect(named('资金支出计划').data[7]).toBeCloseTo(45, 6)
    }
    await screenshot(page, 'monitor-spending-july')
  })

  it('refuses a red threshold above yellow and applies a valid change everywhere, kept across a reload', async () => {
    const { page } = opened
    await page.click('nav a[href="#/settings"]')
    await waitReady(page)
    await page.fill('[data-field="execution.red"]', '90')
    expect(await page.textContent('[data-group="monitor"] [data-role="problems"]')).toContain('红灯线（90%）须低于黄灯线（80%）')
    await page.click('[data-role="reset-monitor"]')
    expect(await page.inputValue('[data-field="execution.red"]')).toBe('60')
    await page.check('[data-field="timeShareMode"][value="day"]')
    await page.reload()
    await waitReady(page)
    expect(await page.isChecked('[data-field="timeShareMode"][value="day"]')).toBe(true)
    await page.click('nav a[href="#/"]')
    await waitReady(page)
    expect(await page.textContent('[data-role="time-share"]')).toBe(pct(305 / 366))
    await page.click('nav a[href="#/settings"]')
    await page.click('[data-role="reset-monitor"]')
  })

  it('made no request beyond the app server and raised no error', () => {
    expect(opened.foreignRequests()).toEqual([])
    expect(opened.pageErrors).toEqual([])
    expect(opened.consoleErrors).toEqual([])
  })
})
