// The finance bureau's page over three units, as a county bureau would load them: one 一体化 export with 预算单位 and
// 年度 columns (scripts/make-bureau.mjs) served as the app's data folder. Each row is read against figures computed
// here from the CSVs; a unit opened shows its own figures only; the bureau's 抽评 shows on the bureau page.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distDir } from '../../scripts/build-app.mjs'
import { makeBureau } from '../../scripts/make-bureau.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { launchBrowser, openPage, waitReady } from './browser'

const YEAR = 2024
const MONTHS = 6

let browser: Browser
let root: string
let server: { url: string; close(): Promise<void> }

/** The rows of a CSV make-bureau wrote (no quoted cells), as objects by header. */
async function csv(name: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(root, 'data', name), 'utf8')
  expect(text).not.toContain('"')
  const [header, ...lines] = text.trim().split('\n').map((l) => l.split(','))
  return lines.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])))
}

interface Expected {
  code: string
  name: string
  project: string
  projectName: string
  rate: number
  executionScore: number
  total: number
}

/**
 * Each unit's figures by the rules of DOMAIN.md, from the files: 预算执行率 = spending to the month ÷ budget; the
 * 自评 total = 10 × min(rate, 1) + 50, 30 and 10 points of its three indicators (产出, 效益, 满意度) in proportion
 * to actual ÷ target, capped at full points.
 */
async function expectedUnits(): Promise<Expected[]> {
  const [units, projects, spending, indicators, actuals] = await Promise.all(
    ['units.csv', 'projects.csv', 'spending.csv', 'indicators.csv', 'actuals.csv'].map(csv),
  )
  return (units ?? []).map((u) => {
    const code = u['单位编码'] as string
    const project = (projects ?? []).find((p) => p['预算单位'] === code) as Record<string, string>
    const budget = Number(project['预算数'])
    const spent = (spending ?? [])
      .filter((s) => s['项目编码'] === project['项目编码'] && Number(s['月份']?.slice(5)) <= MONTHS)
      .reduce((sum, s) => sum + Number(s['支出金额']), 0)
    const rate = spent / budget
    const executionScore = Math.min(rate, 1) * 10
    const points: Record<string, number> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 }
    let total = executionScore
    for (const ind of (indicators ?? []).filter((i) => i['预算单位'] === code && i['所属'] === project['项目编码'])) {
      const target = Number(ind['指标值']?.replace(/[^\d.]/g, ''))
      const last = (actuals ?? []).filter((a) => a['预算单位'] === code && a['指标编码'] === ind['指标编码']).at(-1)
      total += Math.min(Number(last?.['完成值']) / target, 1) * (points[ind['一级指标'] as string] ?? 0)
    }
    return { code, name: u['单位名称'] as string, project: project['项目编码'] as string, projectName: project['项目名称'] as string, rate, executionScore, total }
  })
}

const cell = (page: Page, unit: string, role: string) => page.textContent(`tr[data-unit="${unit}"] [data-role="${role}"]`).then((t) => (t ?? '').trim())
const number = (text: string) => Number(text.replace(/[^\d.]/g, '')) * (/^[−-]/.test(text) ? -1 : 1)
const grade = (total: number) => (total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差')
const BUDGET_USE = { 优: '优先保障', 良: '保障', 中: '压缩', 差: '取消' } as const

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jx-bureau-'))
  await cp(distDir, root, { recursive: true })
  await rm(join(root, 'data'), { recursive: true, force: true })
  await makeBureau({ units: 3, years: 1, out: join(root, 'data'), indicators: 13, projects: 1, months: MONTHS, year: YEAR })
  server = await startStaticServer({ root })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the bureau page over three units', () => {
  it('reads each unit’s execution and 自评 as the files give them, opens a unit alone, and shows the bureau’s 抽评', async () => {
    const units = await expectedUnits()
    expect(units).toHaveLength(3)
    const opened = await openPage(browser, server.url, '#/bureau')
    const { page } = opened
    try {
      await waitReady(page)
      expect(await page.$$eval('tbody tr[data-unit]', (rows) => rows.length)).toBe(3)
      for (const u of units) {
        expect(await cell(page, u.code, 'reported')).toBe('已报送')
        expect(number(await cell(page, u.code, 'rate'))).toBeCloseTo(u.rate * 100, 2)
        expect(number(await cell(page, u.code, 'gap-time'))).toBeCloseTo((u.rate - MONTHS / 12) * 100, 2)
        const self = await cell(page, u.code, 'self-total')
        expect(number(self)).toBeCloseTo(u.total, 1)
        expect(self).toContain(grade(u.total))
        expect(await cell(page, u.code, 'budget-use')).toBe(BUDGET_USE[grade(u.total)])
        expect(await cell(page, u.code, 'spot-total')).toBe('—')
      }

      // sorted by 自评总分, highest first
      await page.click('th[data-sort="selfTotal"]')
      const order = await page.$$eval('tbody tr[data-unit]', (rows) => rows.map((r) => r.getAttribute('data-unit')))
      expect(order).toEqual([...units].sort((a, b) => b.total - a.total).map((u) => u.code))

      // a unit opened: its own project on every page, none of the others', though another's row was pressed first
      // (its two years read ahead, as for a row about to be opened)
      const [first, ...others] = units as [Expected, ...Expected[]]
      await page.dispatchEvent(`tr[data-unit="${others[0]?.code}"]`, 'pointerdown')
      await page.click(`tr[data-unit="${first.code}"]`)
      await page.waitForURL(/#\/\?from=bureau/)
      await waitReady(page)
      await page.goto(new URL('#/spending', server.url).href)
      await page.waitForSelector(`text=${first.projectName}`)
      const text = (await page.textContent('main')) ?? ''
      for (const o of others) expect(text).not.toContain(o.projectName)

      // the bureau re-scores the unit's 预算执行率 row as 0: its 抽评 is its 自评 less the execution score
      await page.goto(new URL(`#/assessment/project/${first.project}`, server.url).href)
      const input = page.locator(`[data-spot-row="execution:${first.project}"] [data-role="spot-score"]`)
      await input.fill('12')
      await input.press('Enter')
      await input.blur()
      await page.waitForSelector('[data-role="spot-problems"]')
      expect(await page.textContent('[data-role="spot-problems"]')).toContain('抽评得分须在 0 至 10.00 分之间（填写的是 12.00），未保存。')
      await input.fill('0')
      await input.blur()
      await page.waitForFunction(() => document.querySelector('[data-role="spot-problems"]') === null)
      expect(number((await page.textContent('[data-role="spot-difference"]')) ?? '')).toBeCloseTo(-first.executionScore, 1)

      await page.goto(new URL('#/bureau', server.url).href)
      await page.waitForSelector(`tr[data-unit="${first.code}"] [data-role="spot-difference"]`)
      expect(number(await cell(page, first.code, 'spot-difference'))).toBeCloseTo(-first.executionScore, 1)
      expect(number(await cell(page, first.code, 'spot-total'))).toBeCloseTo(first.total - first.executionScore, 1)
      for (const o of others) expect(await cell(page, o.code, 'spot-difference')).toBe('—')

      // one workbook, a sheet per report, the 抽评 difference of the project re-scored
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-role="bureau-export"]')])
      expect(download.suggestedFilename()).toBe(`单位汇总_${YEAR}年1-${MONTHS}月.xlsx`)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile((await download.path()) as string)
      expect(book.worksheets.map((w) => w.name)).toEqual(['月度通报', '单位自评', '自评汇总', '抽评差异'])
      const monthly = book.getWorksheet('月度通报') as ExcelJS.Worksheet
      expect(monthly.getCell('A1').value).toBe(`${YEAR}年1–${MONTHS}月 预算执行与绩效目标监控通报`)
      expect(monthly.rowCount).toBe(3 + units.length)
      const spot = book.getWorksheet('抽评差异') as ExcelJS.Worksheet
      expect(spot.rowCount).toBe(3)
      expect(spot.getCell('B3').value).toBe(first.project)
      expect(Number(spot.getCell('F3').value)).toBeCloseTo(-first.executionScore, 1)

      // printed: the month's 通报 table and its title, nothing of the page around it
      await page.emulateMedia({ media: 'print' })
      const visible = (selector: string) => page.locator(selector).first().isVisible()
      expect(await visible('table.units')).toBe(true)
      expect(await visible('h1')).toBe(true)
      expect(await page.textContent('[data-role="print-rule"]')).toBe('预警规则：全国默认（序时进度）')
      for (const hidden of ['.app-header', '[data-role="search"]', '[data-role="bureau-export"]', '[data-role="profile"]', 'th.review', '.profiles'])
        expect(await visible(hidden), hidden).toBe(false)
      await page.emulateMedia({ media: 'screen' })

      expect(opened.foreignRequests()).toEqual([])
      expect(opened.pageErrors).toEqual([])
    } finally {
      await opened.close()
    }
  }, 180_000)
})
