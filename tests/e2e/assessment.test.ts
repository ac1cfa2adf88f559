import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { docxDocumentXml } from '../support'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

const P3 = '13020924P00984510001C'
const artifacts = fileURLToPath(new URL('./.artifacts/', import.meta.url))
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const row = (page: Page, id: string) => page.locator(`tr[data-indicator="${id}"]`)

async function judge(page: Page, id: string, band: string, score: string) {
  await row(page, id).locator('[data-role="band"]').selectOption(band)
  await row(page, id).locator('[data-role="score"]').fill(score)
  await row(page, id).locator('[data-role="score"]').press('Tab')
}

const P3_REASON = '四季度招商活动推迟，签约项目少于计划；下年按季度分解签约任务'

/** The P3 judgements of the worked example: 3.81 (57.10 of 150.00 万元) + 9 + 3 × 12.5 + 4 × 10 = 90.31. */
async function judgeP3(page: Page) {
  await judge(page, 'P3-01', '部分达成', '9')
  await row(page, 'P3-01').locator('[data-role="reason"]').fill(P3_REASON)
  for (const id of ['P3-02', 'P3-03', 'P3-04']) await judge(page, id, '达成', '12.5')
  for (const id of ['P3-05', 'P3-06', 'P3-07', 'P3-08']) await judge(page, id, '达成', '10')
  await expect.poll(() => page.locator('[data-role="total"]').textContent()).toBe('90.31')
}

it('keeps a qualitative band, score and reason across a reload and exports them in the .xlsx', async () => {
  const opened = await openPage(browser, inject('baseUrl'), `#/assessment/project/${P3}`)
  const { page } = opened
  try {
    await waitReady(page)
    await expect.poll(() => page.locator('[data-role="total"]').textContent()).toBe('待评价')

    // a score outside the band is refused with the sentence of scoreQualitative
    await judge(page, 'P3-01', '部分达成', '11')
    await expect.poll(() => row(page, 'P3-01').locator('[data-role="row-problems"]').textContent()).toContain('7.5–10 分之间')

    await judgeP3(page)
    expect(await page.locator('[data-role="grade"]').textContent()).toContain('优')

    await page.reload()
    await waitReady(page)
    expect(await row(page, 'P3-01').locator('[data-role="band"]').inputValue()).toBe('部分达成')
    expect(await row(page, 'P3-01').locator('[data-role="score"]').inputValue()).toBe('9')
    expect(await row(page, 'P3-01').locator('[data-role="reason"]').inputValue()).toContain('四季度招商活动推迟')
    expect(await page.locator('[data-role="total"]').textContent()).toBe('90.31')
    await screenshot(page, 'assessment-form-p3')

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-role="export-xlsx"]').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const rows: ExcelJS.Row[] = []
    ws.eachRow((r) => rows.push(r))
    const p301 = rows.find((r) => r.getCell(4).value === '项目数量')!
    expect(p301.getCell(7).value).toBe(12.5)
    expect(p301.getCell(8).value).toBe(9)
    expect(p301.getCell(9).value).toContain('四季度招商活动推迟')
    // what was done as 实际完成值, the band with the score's reasoning
    expect(p301.getCell(6).value).toBe('部分达成：截至10月新签约亿元以上项目15个，全年20个目标仍有差距')
    expect(p301.getCell(9).value).toBe(`评价档次：部分达成并具有一定效果。${P3_REASON}`)
    // values stored as shown, and only the form: none of the page's notes
    const funds = rows.find((r) => r.getCell(2).value === '年度资金总额')!
    expect(funds.getCell(5).value).toBe(57.1)
    expect(funds.getCell(7).value).toBe(0.3807)
    expect(funds.getCell(8).value).toBe(3.81)
    expect(rows.some((r) => /^(注：|尚缺)/.test(String(r.getCell(1).value ?? '')))).toBe(false)
    expect(String(rows[1]?.getCell(1).value)).toBe('（2024年度，截至10月）')
    const total = rows.find((r) => r.getCell(1).value === '总分')!
    expect(total.getCell(8).value).toBe(90.31)
    expect(total.getCell(9).value).toBe('等级：优')

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-role="export-csv"]').click()])
    const bytes = await readFile((await csv.path()) as string)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('项目数量,完成任务,部分达成：截至10月新签约亿元以上项目15个，全年20个目标仍有差距,12.50,9.00,评价档次：部分达成并具有一定效果。四季度招商活动推迟')

    // the A4 print layout, kept for a person to look at (pdftoppm -png)
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    await mkdir(artifacts, { recursive: true })
    await writeFile(`${artifacts}assessment-form-p3.pdf`, pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

    expect(opened.pageErrors).toEqual([])
    expect(opened.consoleErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('loads exceljs and the Word library only when someone exports', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/assessment')
  try {
    await waitReady(opened.page)
    expect(opened.requests.filter((u) => /exceljs|docx-library/.test(u))).toEqual([])
    expect(await opened.page.locator('[data-role="summary-projects"] tbody tr').count()).toBe(3)
  } finally {
    await opened.close()
  }
})

it('writes the 自评报告 as .docx with the total and the reason typed, loading the Word library only on the click', async () => {
  const opened = await openPage(browser, inject('baseUrl'), `#/assessment/project/${P3}`)
  const { page } = opened
  const wordLibrary = () => opened.requests.filter((u) => /docx-library/.test(u))
  try {
    await waitReady(page)
    await judgeP3(page)
    expect(wordLibrary()).toEqual([])

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-role="export-docx"]').click()])
    expect(download.suggestedFilename()).toBe('2024年装备园区专项预算（招商引资）_绩效自评报告.docx')
    const bytes = await readFile((await download.path()) as string)
    const xml = docxDocumentXml(new Uint8Array(bytes))
    expect(xml).toContain('2024年装备园区专项预算（招商引资）')
    expect(xml).toContain('自评总分90.31分，等级为“优”')
    expect(xml).toContain(P3_REASON)
    expect(wordLibrary()).toHaveLength(1)
    await mkdir(artifacts, { recursive: true })
    await writeFile(`${artifacts}self-assessment-report-p3.docx`, bytes)

    expect(opened.pageErrors).toEqual([])
    expect(opened.consoleErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('writes the 1–7月 监控报告 as .docx with the explanation typed on the 监控表', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/assessment/monitoring')
  const { page } = opened
  try {
    await waitReady(page)
    const explanation = '上半年企业投资意向变化，签约进度滞后；下一步集中在三季度举办专题招商推介会'
    await page.locator(`article[data-project="${P3}"] tr[data-indicator="P3-01"] textarea`).fill(explanation)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-role="export-docx"]').click()])
    expect(download.suggestedFilename()).toBe('曹妃甸区装备制造园区管理委员会_2024年1-7月绩效运行监控报告.docx')
    const bytes = await readFile((await download.path()) as string)
    const xml = docxDocumentXml(new Uint8Array(bytes))
    expect(xml).toContain('2024年1–7月项目支出绩效运行监控报告')
    expect(xml).toContain(explanation)
    await mkdir(artifacts, { recursive: true })
    await writeFile(`${artifacts}monitoring-report-1-7.docx`, bytes)
    expect(opened.pageErrors).toEqual([])
    expect(opened.consoleErrors).toEqual([])
  } finally {
    await opened.close()
  }
})

it('shows the seed’s own target problems in the audit, each with what to write instead', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/assessment/audit')
  try {
    await waitReady(opened.page)
    const unreadable = opened.page.locator('tr[data-finding="unreadable"][data-indicator="P1-02"]')
    expect(await unreadable.textContent()).toContain('100100%')
    expect(await opened.page.locator('tr[data-finding="unmeasurable"][data-indicator="P3-01"]').textContent()).toContain('完成任务')
    await screenshot(opened.page, 'assessment-audit')
  } finally {
    await opened.close()
  }
})

it('fills the 1–7月 monitoring form by default', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/assessment/monitoring')
  try {
    await waitReady(opened.page)
    expect(await opened.page.locator('[data-role="monitoring-month"]').inputValue()).toBe('7')
    expect(await opened.page.locator(`article[data-project="${P3}"] [data-role="monitoring-spent"]`).textContent()).toBe('33.50')
    await screenshot(opened.page, 'assessment-monitoring')
  } finally {
    await opened.close()
  }
})
