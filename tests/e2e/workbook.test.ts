import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { distDir } from '../../scripts/build-app.mjs'
import { repoRoot } from '../support'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

let browser: Browser
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const excelLibrary = (requests: readonly string[]) => requests.filter((u) => /excel-library/.test(u))

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** November's figures as an office saves them in Excel: a title row, 月份 as a date cell, a number typed as text. */
async function novemberWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('11月完成值')
  ws.mergeCells('A1:E1')
  ws.getCell('A1').value = '2024年11月指标完成情况'
  ws.getRow(2).values = ['指标编码', '月份', '完成值', '单位', '说明']
  ws.getRow(3).values = ['D01', new Date(Date.UTC(2024, 10, 1)), '18', '个', '11月新签约3个']
  ws.getCell('B3').numFmt = 'yyyy"年"m"月"'
  return Buffer.from(await wb.xlsx.writeBuffer())
}

it('reads an .xlsx picked through the file input, loading the Excel library only then, and shows its value on the overview', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    expect(excelLibrary(opened.requests)).toEqual([])
    await page.setInputFiles('[data-role="file-input"]', { name: '2024年11月完成值.xlsx', mimeType: XLSX, buffer: await novemberWorkbook() })
    const card = page.locator('[data-role="upload-card"][data-file="2024年11月完成值.xlsx"][data-status="ready"]')
    await card.waitFor()
    expect(excelLibrary(opened.requests)).toHaveLength(1)
    expect(await card.locator('[data-role="format"]').textContent()).toBe('Excel 工作簿')
    expect(await card.locator('[data-role="part"]').getAttribute('data-sheet')).toBe('11月完成值')
    expect(await card.locator('[data-role="counts"]').textContent()).toBe('新增 1 行，修改 0 行，不变 0 行')
    await screenshot(page, 'data-workbook-preview')
    await card.locator('[data-role="apply"]').click()
    await page.waitForSelector('[data-file="2024年11月完成值.xlsx"][data-status="applied"]')
    await page.waitForSelector('main[data-busy="false"]')
    expect(await page.locator('[data-role="batch-part"]').first().textContent()).toBe(
      '工作表「11月完成值」 · 完成值 1 行：新增 1，修改 0，不变 0，删除 0',
    )

    await page.click('nav a[href="#/"]')
    await waitReady(page)
    expect(await page.locator('[data-role="as-of-label"]').textContent()).toBe('2024-11')
    expect(await page.locator('[data-indicator="D01"] [data-role="actual"]').textContent()).toBe('18 个')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('offers the 项目支出绩效目标表 as .xlsx, which uploads back as the seed’s project, its plan and indicators in one file', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-template="target-form"]')])
    expect(download.suggestedFilename()).toBe('项目支出绩效目标表模板.xlsx')
    const buffer = readFileSync((await download.path()) as string)
    await page.setInputFiles('[data-role="file-input"]', { name: '绩效目标表.xlsx', mimeType: XLSX, buffer })
    const card = page.locator('[data-role="upload-card"][data-file="绩效目标表.xlsx"][data-status="ready"]')
    await card.waitFor()
    const code = '13020924P009874100020'
    expect(await card.locator('[data-role="part"]').evaluateAll((parts) => parts.map((p) => p.getAttribute('data-kind')))).toEqual([
      'projects', 'spending_plan', 'indicators',
    ])
    expect(await card.locator('[data-role="counts"]').allTextContents()).toEqual([
      `新增 0 行，修改 0 行，不变 1 行，删除 0 行（替换2024年项目 ${code} 的项目）`,
      `新增 0 行，修改 0 行，不变 3 行，删除 0 行（替换2024年项目 ${code} 的支出计划）`,
      `新增 0 行，修改 0 行，不变 6 行，删除 0 行（替换2024年项目 ${code} 的指标）`,
    ])
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('says what a renamed .xls and a picture named .xlsx are, in a sentence', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    await page.setInputFiles('[data-role="file-input"]', [
      { name: '支出计划.xlsx', mimeType: XLSX, buffer: readFileSync(join(repoRoot, 'tests/fixtures/spending_plan_excel97.xls')) },
      { name: '截图.xlsx', mimeType: XLSX, buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    ])
    const problem = (name: string) => page.locator(`[data-file="${name}"][data-status="invalid"] [data-role="file-problem"]`)
    await problem('截图.xlsx').waitFor()
    expect(await problem('支出计划.xlsx').textContent()).toBe(
      '「支出计划.xlsx」扩展名为 .xlsx，但实际上是旧版 Excel 97-2003 工作簿（.xls），本系统无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。',
    )
    expect(await problem('截图.xlsx').textContent()).toBe('「截图.xlsx」扩展名为 .xlsx，但实际上是 PNG 图片，不是表格：请上传 .xlsx 或 CSV 文件。')
    expect(excelLibrary(opened.requests)).toEqual([])
    await screenshot(page, 'data-not-a-workbook')
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})

it('keeps the Excel library out of the scripts index.html starts with', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const startup = new Set<string>()
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string)
  while (queue.length) {
    const file = queue.shift() as string
    if (startup.has(file)) continue
    startup.add(file)
    // static imports and re-exports (`import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`), as
    // bench/scenarios/bundle.mjs follows them; `import("./x.js")` is loaded on use
    for (const m of readFileSync(join(distDir, file), 'utf8').matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`assets/${m[1]}`)
    }
  }
  expect(startup.size).toBeGreaterThan(1)
  expect([...startup].filter((f) => /excel-library|exceljs/.test(f))).toEqual([])
})
