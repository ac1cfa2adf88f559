// A department across years, as it lives them: 同比 read on the cards against figures computed here from
// data/2023 and data/2024; the year turning with a January actuals file before next year's targets arrive; a stray
// 2025 row refused. Expected figures come from the CSVs, not from the app's code.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'
import { factor, monthOf, num, readCsv, seedDir } from './seedCsv'
import { textOverflows } from './textOverflow'

const year2024 = { indicators: readCsv(seedDir(2024), 'indicators.csv'), actuals: readCsv(seedDir(2024), 'actuals.csv') }
const year2023 = { indicators: readCsv(seedDir(2023), 'indicators.csv'), actuals: readCsv(seedDir(2023), 'actuals.csv') }
type Year = typeof year2024
type Row = Record<string, string>

const COUNT_UNITS = new Set(['个', '家', '次', '起'])
const round2 = (x: number) => Math.round(x * 100) / 100
const fixed2 = (x: number) => x.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const shown = (v: number, unit: string) => (unit === '%' ? `${fixed2(v)}%` : `${COUNT_UNITS.has(unit) && Number.isInteger(v) ? String(v) : fixed2(v)} ${unit}`)

/** The figure reported for exactly `month`: 累计 the 1–N月 total (the latest 累计 row plus the 当月 rows after it), 时点 that month's value. */
function reportedAt(year: Year, ind: Row, month: number): number | null {
  const unit = ind.单位!
  const rows = year.actuals
    .filter((a) => a.指标编码 === ind.指标编码 && a.完成值 && monthOf(a.月份!) <= month)
    .sort((a, b) => monthOf(a.月份!) - monthOf(b.月份!))
  if (!rows.some((r) => monthOf(r.月份!) === month)) return null
  const value = (r: Row) => num(r.完成值!) * factor(r.单位!, unit)
  if (ind.口径 === '时点') return value(rows.at(-1)!)
  let ytd = 0
  for (const r of rows) ytd = r.数据口径 === '当月' ? ytd + value(r) : value(r)
  return ytd
}

/** Last year's indicator: the same 指标编码, else the same 所属 and 三级指标 (department goals: 所属 部门). */
const counterpartOf = (ind: Row, last: Year) =>
  last.indicators.find((l) => l.指标编码 === ind.指标编码) ??
  last.indicators.find((l) => l.所属 === ind.所属 && l.所属 === '部门' && l.三级指标 === ind.三级指标)

/** 上年同期 and 同比 as the card should write them, or null for a card without a figure to compare. */
function expectedYoy(ind: Row, current: Year, last: Year, month: number): string | null {
  if (ind.指标性质 === '定性') return null
  const now = reportedAt(current, ind, month)
  const before = counterpartOf(ind, last)
  const then = before ? reportedAt(last, before, month) : null
  if (now === null) return null
  if (then === null) return '无上年同期数据'
  const unit = ind.单位!
  if (unit === '%') {
    const points = round2(now - then)
    const change = points > 0 ? `较上年同期提高 ${fixed2(points)} 个百分点` : points < 0 ? `较上年同期回落 ${fixed2(-points)} 个百分点` : '与上年同期持平'
    return `上年同期 ${shown(then, unit)}，${change}`
  }
  if (then === 0) return '上年同期为0'
  const growth = round2(((now - then) / then) * 100)
  const change = growth > 0 ? `同比增长 ${fixed2(growth)}%` : growth < 0 ? `同比下降 ${fixed2(-growth)}%` : '同比持平'
  return `上年同期 ${shown(then, unit)}，${change}`
}

/** What a reader sees on each card of the overview. */
const readCards = (page: Page) =>
  page.$$eval('.kpi-card', (cards) =>
    cards.map((c) => ({
      id: c.getAttribute('data-indicator'),
      light: c.getAttribute('data-light'),
      text: (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
      yoy: c.querySelector('[data-role="yoy"]')?.textContent?.trim() ?? null,
    })),
  )

async function pickText(page: Page, name: string, text: string) {
  await page.setInputFiles('[data-role="file-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) })
  const checked = `[data-role="upload-card"][data-file="${name}"]:is([data-status="ready"], [data-status="invalid"])`
  await page.waitForSelector(checked)
  return page.locator(checked).first()
}
async function apply(page: Page, name: string) {
  const card = page.locator(`[data-role="upload-card"][data-file="${name}"][data-status="ready"]`).first()
  await card.locator('[data-role="apply"]').click()
  await page.locator(`[data-role="upload-card"][data-file="${name}"][data-status="applied"]`).first().waitFor()
}
async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash)
  await page.reload()
  await waitReady(page)
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('writes each card’s 同比 as last year’s same months give it, computed from data/2023 and data/2024', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  const { page } = opened
  try {
    await waitReady(page)
    const month = Number(await page.inputValue('[data-role="as-of"]'))
    expect(month).toBe(10)
    const cards = await readCards(page)
    const checked: string[] = []
    for (const ind of year2024.indicators.filter((i) => i.所属 === '部门')) {
      const card = cards.find((c) => c.id === ind.指标编码)
      expect(card, ind.指标编码).toBeDefined()
      expect(card?.yoy ?? null, `${ind.指标编码} ${ind.三级指标}`).toBe(expectedYoy(ind, year2024, year2023, month))
      if (card?.yoy) checked.push(ind.指标编码!)
    }
    // worked out by hand for one card: 投资额 93.00 亿元 against 2023's ZS-02 at 80.00 亿元 is 16.25% up
    expect(cards.find((c) => c.id === 'D02')?.yoy).toBe('上年同期 80.00 亿元，同比增长 16.25%')
    expect(checked.length).toBeGreaterThanOrEqual(11)

    // the indicator page names the indicator it was matched with, and last year's month by month
    await goTo(page, '#/indicator/D02')
    expect(await page.textContent('[data-role="matched-with"]')).toContain('ZS-02 投资额')
    expect(await page.textContent('[data-role="matched-with"]')).toContain('按所属和指标名称对应')
    const investment = year2024.indicators.find((i) => i.指标编码 === 'D02')!
    const july2023 = reportedAt(year2023, counterpartOf(investment, year2023)!, 7)!
    expect(await page.textContent('tr[data-month="7"] [data-role="last-year"]')).toBe(shown(july2023, '亿元'))
    await screenshot(page, 'years-indicator-D02')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('turns the year with January’s actuals before the targets, keeps last year one click away, and keeps it all across a reload', { timeout: 300_000 }, async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  const { page } = opened
  try {
    await waitReady(page)
    const before2024 = await readCards(page)

    // 5 February 2025: January's figures, no 2025 targets yet
    await goTo(page, '#/data')
    await pickText(page, 'actuals_2025-01.csv', '指标编码,月份,完成值,单位,数据口径\nD01,2025-01,2,个,累计\nD02,2025-01,9.6,亿元,累计\nD09,2025-01,10.4,%,\n')
    await apply(page, 'actuals_2025-01.csv')
    await page.selectOption('select[data-role="year"]', '2025')
    await page.click('nav a[href="#/"]')
    expect(await page.locator('[data-role="awaiting-targets"]').textContent()).toContain('2025年的绩效目标尚未载入')
    expect(await page.locator('.kpi-card').count()).toBe(0)
    await screenshot(page, 'years-awaiting-2025')

    // last year is one click away, every figure as it was
    await page.click('[data-role="awaiting-targets"] button[data-year="2024"]')
    await page.locator('.kpi-card').first().waitFor()
    expect(await readCards(page)).toEqual(before2024)

    // the 2025 targets arrive: a 指标 file without 年度, sent to 2025 on the data page
    await goTo(page, '#/data')
    await page.selectOption('select[data-role="target-year"]', '2025')
    const targets = [
      '指标编码,所属,分项,一级指标,二级指标,三级指标,指标值,单位,指标性质,口径',
      'D01,部门,招商引资,,,新签约亿元以上项目,22个以上,个,≥,累计',
      'D02,部门,招商引资,,,投资额,130亿元以上,亿元,≥,累计',
      'D09,部门,经济运行,,,工业增加值增速,10%以上,%,≥,时点',
    ].join('\n')
    const card = await pickText(page, 'indicators_2025.csv', `${targets}\n`)
    expect(await card.locator('[data-role="scopes"]').textContent()).toContain('2025年')
    await apply(page, 'indicators_2025.csv')
    await page.selectOption('select[data-role="year"]', '2025')
    await page.click('nav a[href="#/"]')
    await expect.poll(() => page.inputValue('[data-role="as-of"]')).toBe('1')
    await page.locator('.kpi-card').first().waitFor()
    expect(await page.locator('[data-role="awaiting-targets"]').count()).toBe(0)
    expect(await page.inputValue('[data-role="as-of"]')).toBe('1')
    const year2025: Year = {
      indicators: targets.split('\n').slice(1).map((l) => {
        const [id, scope, group, , , name, target, unit, direction, measure] = l.split(',')
        return { 指标编码: id!, 所属: scope!, 分项: group!, 三级指标: name!, 指标值: target!, 单位: unit!, 指标性质: direction!, 口径: measure! }
      }),
      actuals: [
        { 指标编码: 'D01', 月份: '2025-01', 完成值: '2', 单位: '个', 数据口径: '累计' },
        { 指标编码: 'D02', 月份: '2025-01', 完成值: '9.6', 单位: '亿元', 数据口径: '累计' },
        { 指标编码: 'D09', 月份: '2025-01', 完成值: '10.4', 单位: '%', 数据口径: '' },
      ],
    }
    const cards2025 = await readCards(page)
    expect(cards2025.map((c) => c.id)).toEqual(['D01', 'D02', 'D09'])
    for (const ind of year2025.indicators) {
      expect(cards2025.find((c) => c.id === ind.指标编码)?.yoy, ind.指标编码).toBe(expectedYoy(ind, year2025, year2024, 1))
    }
    // 2 projects signed in January against 1 in January 2024: doubled
    expect(cards2025[0]?.yoy).toBe('上年同期 1 个，同比增长 100.00%')
    expect(await textOverflows(page)).toEqual([])
    await screenshot(page, 'years-2025-january')

    // a reload finds 2025 as it was left, and 2024 unchanged
    await page.reload()
    await waitReady(page)
    expect(await page.inputValue('select[data-role="year"]')).toBe('2025')
    expect(await readCards(page)).toEqual(cards2025)
    // right after a reload the figures on screen are the ones kept from the last visit; another year is read by
    // DuckDB, which may still be starting (the cold start draws first and starts it after): until then the page says
    // that DuckDB is loading the data, or shows the last year's figures marked as being replaced, never that the year
    // picked has none (2025's 本年度的预算项目尚未载入 under 2024, or 暂无完成数据)
    await page.selectOption('select[data-role="year"]', '2024')
    const unmarked = new Set<string>()
    await expect
      .poll(
        async () => {
          const said = await page.evaluate(() =>
            document.documentElement.hasAttribute('data-reading') || document.querySelector('[data-role="loading"]')
              ? ''
              : [...document.querySelectorAll('main .empty')].map((e) => e.textContent?.trim() ?? '').join(' | '),
          )
          if (said) unmarked.add(said)
          return (await readCards(page)).length
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(before2024.length)
    expect([...unmarked]).toEqual([])
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-reading'))).toBe(false)
    expect(await readCards(page)).toEqual(before2024)
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('refuses a 2025 row inside a 2024 actuals upload with its line, and changes nothing', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    const card = await pickText(page, 'actuals_nov.csv', '指标编码,月份,完成值,单位\nD01,2024-11,16,个\nD01,2025-01,3,个\nD05,2024-11,571,亿元\n')
    expect(await card.getAttribute('data-status')).toBe('invalid')
    const problems = await card.locator('[data-role="problem"] td:last-child').allTextContents()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^第3行 月份 .*"2025-01" 不在 2024 年内/)
    expect(await card.locator('[data-role="apply"]').count()).toBe(0)
    await screenshot(page, 'years-stray-2025-row')

    // nothing stored: no batch, no November, no 2025
    await page.reload()
    await waitReady(page)
    expect(await page.locator('[data-role="batch"]').count()).toBe(0)
    expect(await page.$$eval('select[data-role="year"] option', (o) => o.map((x) => x.getAttribute('value')))).toEqual(['2023', '2024'])
    expect(await page.$$eval('select[data-role="as-of"] option', (o) => o.length)).toBe(10)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})
