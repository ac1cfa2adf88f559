// 绩效看板 from the command line: the 自评 rules, the indicator audit and the month's monitoring over a folder of CSVs
// (docs/formats.md) — one dataset, or an index.json of years and units — with the same SQL and the same domain code
// as the browser, on native DuckDB (or on duckdb-wasm, the browser's engine, with --engine wasm).
//   npm run cli -- assess <folder> [--year Y] [--json] [--out <dir> [--docx]] [--judgements <file.json>]
//   npm run cli -- audit <folder> [--year Y] [--json] [--out <dir>]
//   npm run cli -- monitor <folder> [--year Y] [--month M] --json
//   npm run cli -- snapshot <folder>   (writes <folder>/snapshot.json, the figures a cold browser draws at once, and
//                                       <folder>/tables/, the checked tables it loads instead of the files; with
//                                       --engine native also tables.duckdb, those tables as a database file that
//                                       native DuckDB here queries)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { auditTargets, type Finding } from '@/domain/audit'
import { checkProfile, NATIONAL_PROFILE, unitRow } from '@/domain/bureau'
import { spotCheckTotal, unitReview } from '@/domain/spotCheck'
import { assessDepartment } from '@/domain/departmentSummary'
import { isQualitative } from '@/domain/indicator'
import { indicatorProgress } from '@/domain/monitor'
import { grade, round2 } from '@/domain/scoring'
import type { AssessmentForm } from '@/domain/selfAssessment'
import { checkedMonitorSettings, checkedScoringSettings } from '@/domain/settingsChecks'
import type { Indicator, MonitorSettings, ScoringSettings } from '@/domain/types'
import { compareWithLastYear, historicalReferences, lastYearIndicators } from '@/domain/yearOnYear'
import { createNativeEngine } from '@/engine/duckdbNative'
import type { QueryEngine } from '@/engine/QueryEngine'
import { sheetToCsv } from '@/export/csv'
import { reportToDocx } from '@/export/docx'
import { bureauAssessmentSheet, bureauMonthlySheet, bureauSpotCheckSheet, bureauUnitReviewSheet, type ProjectAssessmentLine, type UnitReviewLine } from '@/export/bureau'
import { assessmentSheet, auditSheet, summarySheet } from '@/export/forms'
import { sheetsToXlsx } from '@/export/xlsx'
import { selfAssessmentReport } from '@/export/report'
import type { DatasetFolder } from '@/ingest/datasetFolder'
import { DatasetError, loadDataset } from '@/ingest/loadDataset'
import { readDatasets, readOrgs, readScopes, type OrgEntry, type StoreSnapshot } from '@/ingest/readStore'
import { checkShippedSnapshot, computeShippedSnapshot, serializeShipped, SHIPPED_SNAPSHOT_FILE } from '@/ingest/shippedSnapshot'
import {
  attachShippedDatabase, dumpTables, loadShippedTables, SHIPPED_DATABASE_FILE, SHIPPED_TABLES_DIR, sourceHash, writeShippedDatabase, type ShippedTables,
} from '@/ingest/shippedTables'
import { readJudgementBook, scopeKey } from '@/persist/judgements'
import { foldersSizes } from '@/persist/snapshotCache'
import { readFolders, readJson, UsageError } from './folders'
import { findingMessage, findingSuggestion } from '@/i18n/describeAudit'
import { describeSettingsProblem } from '@/i18n/describeSettings'

const USAGE = `用法 usage:
  npm run cli -- assess <文件夹> [--year 年度] [--json] [--out <输出文件夹> [--docx]] [--judgements <评价.json>] [--settings <设置.json>]
  npm run cli -- audit <文件夹> [--year 年度] [--json] [--out <输出文件夹>] [--settings <设置.json>]
  npm run cli -- monitor <文件夹> [--year 年度] [--month 月份] --json [--settings <设置.json>]
  多单位文件夹 many units: assess --out 另写 单位汇总.xlsx；[--profile <预警规则.json>]
  npm run cli -- snapshot <文件夹>   （写出 <文件夹>/snapshot.json 与 tables/：页面首次打开时立即显示的数据及已校验的数据表；
                                      加 --engine native 另写 tables/tables.duckdb，供命令行直接查询）
  共用 common: [--engine native|wasm]`

export { UsageError }

const COMMANDS = ['assess', 'audit', 'monitor', 'snapshot'] as const
type Command = (typeof COMMANDS)[number]

interface Options {
  command: Command
  folder: string
  json: boolean
  out: string | null
  /** also write each project's 绩效自评报告 as .docx into `out` */
  docx: boolean
  judgements: string | null
  settings: string | null
  /** the bureau's rule profile (JSON as the bureau page exports it); the national default without one */
  profile: string | null
  /** the 年度 to work on; null: the latest year the data hold */
  year: number | null
  /** monitor: 数据截至 month; null: the latest month of the year's data */
  month: number | null
  engine: 'native' | 'wasm'
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} 应为 ${min} 到 ${max} 之间的整数，而不是 “${text}”`)
  return n
}

export function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv
  if (!COMMANDS.includes(command as Command)) throw new UsageError(command ? `未知的命令 “${command}”` : '缺少命令')
  const opts: Options = {
    command: command as Command, folder: '', json: false, out: null, docx: false, judgements: null, settings: null, profile: null,
    year: null, month: null, engine: 'native',
  }
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string
    const value = () => {
      const v = rest[++i]
      if (v === undefined) throw new UsageError(`${a} 后缺少取值`)
      return v
    }
    if (a === '--json') opts.json = true
    else if (a === '--out') opts.out = value()
    else if (a === '--docx') opts.docx = true
    else if (a === '--judgements') opts.judgements = value()
    else if (a === '--settings') opts.settings = value()
    else if (a === '--profile') opts.profile = value()
    else if (a === '--year') opts.year = wholeNumber('--year', value(), 1990, 2100)
    else if (a === '--month') opts.month = wholeNumber('--month', value(), 1, 12)
    else if (a === '--engine') {
      const v = value()
      if (v !== 'native' && v !== 'wasm') throw new UsageError(`--engine 应为 native 或 wasm，而不是 “${v}”`)
      opts.engine = v
    } else if (a.startsWith('--')) throw new UsageError(`未知的选项 “${a}”`)
    else if (!opts.folder) opts.folder = a
    else throw new UsageError(`多余的参数 “${a}”`)
  }
  if (!opts.folder) throw new UsageError('缺少数据文件夹')
  if (opts.command === 'monitor' && !opts.json) throw new UsageError('monitor 请给出 --json')
  if (opts.command === 'snapshot') {
    if (opts.json || opts.out || opts.year !== null) throw new UsageError('snapshot 只需数据文件夹：快照写在该文件夹中')
    return opts
  }
  if (opts.month !== null && opts.command !== 'monitor') throw new UsageError('--month 只用于 monitor')
  if (!opts.json && !opts.out) throw new UsageError('请给出 --json 或 --out <输出文件夹>')
  if (opts.docx && (command !== 'assess' || !opts.out)) throw new UsageError('--docx 只用于 assess，并需同时给出 --out <输出文件夹>')
  return opts
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/** One project as the JSON output gives it: amounts in 万元, the rate as a fraction, scores to two decimals. */
export function projectJson(f: AssessmentForm, budgetUnit: string) {
  return {
    budgetUnit,
    project: f.project.code,
    name: f.project.name,
    asOf: `${f.asOf.year}-${String(f.asOf.month).padStart(2, '0')}`,
    total: f.total,
    grade: f.grade,
    scoredSoFar: f.scoredSoFar,
    pending: f.pending,
    execution: {
      budget: round2(f.execution.budget),
      spent: round2(f.execution.spent),
      rate: round4(f.execution.rate),
      score: f.execution.score,
      needsReason: f.execution.needsReason,
    },
    indicators: f.rows.map((r) => ({
      id: r.indicator.id,
      target: r.indicator.target.text,
      actual: r.actual,
      unit: r.indicator.target.unit,
      status: r.dataStatus,
      points: round2(r.points),
      score: r.score,
      needsReason: r.needsReason,
      /** scored by the evaluator (定性, unreadable target, no data) and not judged yet */
      needsJudgement: r.score === null,
    })),
  }
}

/** One object per indicator; a project-wide finding (分值 or plan shares) is listed with each of its indicators. */
export function auditJson(unit: Pick<StoreSnapshot, 'org' | 'indicators'>, findings: readonly Finding[]) {
  const indicators: readonly Indicator[] = unit.indicators
  const finding = (f: Finding) => ({
    kind: f.kind,
    severity: f.severity,
    scope: f.indicatorId ? 'indicator' : 'project',
    message: findingMessage(f, 'zh'),
    suggestion: findingSuggestion(f, 'zh'),
  })
  return indicators.map((i) => ({
    budgetUnit: unit.org,
    id: i.id,
    direction: i.target.direction,
    value: i.target.value,
    unit: i.target.unit,
    qualitative: isQualitative(i),
    findings: findings
      .filter((f) => f.indicatorId === i.id || (f.indicatorId === null && f.projectCode !== null && f.projectCode === i.scope))
      .map(finding),
  }))
}

/** One indicator as the monitor JSON gives it, as of a month: rates as fractions, 同比 as a fraction or in points. */
export function monitorJson(
  org: OrgEntry | undefined,
  snapshot: StoreSnapshot,
  lastYear: StoreSnapshot | undefined,
  month: number,
  settings: MonitorSettings,
) {
  const asOf = { year: snapshot.year, month }
  const counterparts = lastYearIndicators(snapshot.indicators, snapshot.projects, lastYear ?? null, snapshot.links)
  return snapshot.indicators.map((ind) => {
    const p = indicatorProgress(ind, snapshot.indicatorSeries.get(ind.id) ?? [], asOf, settings)
    const figureMonth = p.dataMonth ?? month
    const c = compareWithLastYear(ind, p.actual, figureMonth, counterparts.get(ind.id))
    const yoy = c.yoy.kind === 'pct' || c.yoy.kind === 'points' ? c.yoy.change : null
    return {
      budgetUnit: snapshot.org,
      budgetUnitName: org?.name ?? snapshot.org,
      id: ind.id,
      name: ind.name,
      unit: ind.target.unit,
      target: ind.target.value,
      targetText: ind.target.text,
      actual: p.actual,
      status: p.status,
      /** the month the figure is from: before `asOf` when the indicator was not reported since */
      month: p.dataMonth,
      rate: p.completion,
      pace: p.timeShare,
      light: p.light,
      lastYear: c.lastYear,
      yoy,
      yoyKind: yoy === null ? null : c.yoy.kind,
    }
  })
}

/**
 * `--settings <file.json>` ({ monitor, scoring } as the settings page keeps them), held to the checks the settings
 * form applies: a file that fails them is refused in one sentence (exit 2), never used to score.
 */
export function readSettings(path: string | null): { scoring: ScoringSettings; monitor: MonitorSettings } {
  const stored = path ? readJson(path, '设置文件') : {}
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new UsageError(`设置文件 “${path}” 应为 {"monitor": {…}, "scoring": {…}}`)
  }
  const raw = stored as { scoring?: unknown; monitor?: unknown }
  const monitor = checkedMonitorSettings(raw.monitor)
  const scoring = checkedScoringSettings(raw.scoring)
  const problems = [...monitor.problems, ...scoring.problems]
  if (problems.length) {
    throw new UsageError(`设置文件 “${path}” 中的设置不可用：${problems.map((p) => describeSettingsProblem(p, 'zh')).join('')}`)
  }
  return { scoring: scoring.settings, monitor: monitor.settings }
}

/** The year asked for, or the latest the data hold; a year the data do not hold is a usage error naming those they do. */
function chooseYear(years: readonly number[], wanted: number | null): number {
  const year = wanted ?? years.reduce((a, b) => Math.max(a, b), -Infinity)
  if (!years.includes(year)) throw new UsageError(`数据中没有 ${year} 年度的数据（现有：${[...new Set(years)].sort().join('、')}）`)
  return year
}

/** What is at `path`; undefined when nothing is, or when a file stands on the way (ENOTDIR, not ENOENT). */
function statIfAny(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch {
    return undefined
  }
}

/** `--out` must be a folder or a path where one can be made: the nearest thing that exists on the way up is a folder. */
export function checkOutFolder(out: string): void {
  for (let path = resolve(out); ; path = dirname(path)) {
    const info = statIfAny(path)
    if (info) {
      if (!info.isDirectory()) throw new UsageError(`无法写入输出文件夹 “${out}”：“${path}” 是一个文件，而不是文件夹`, false)
      return
    }
    if (dirname(path) === path) return
  }
}

/**
 * The checked tables `snapshot` wrote into `folder`, with the check that they were written from the files it holds
 * now (a province's 300 MB to hash: loadShippedTables runs it while DuckDB reads the tables).
 */
function shippedTablesOf(folder: string, folders: readonly DatasetFolder[]): { tables: ShippedTables; fromTheseFiles: () => boolean } | null {
  const path = join(folder, SHIPPED_SNAPSHOT_FILE)
  if (!existsSync(path)) return null
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
  const tables = checkShippedSnapshot(raw)?.tables ?? null
  // files of other sizes are other files: known at once, without loading the tables first
  if (!tables?.source.startsWith(`${foldersSizes(folders)}#`)) return null
  return { tables, fromTheseFiles: () => tables.source === sourceHash(folders) }
}

const readIfExists = (path: string) => (existsSync(path) ? new Uint8Array(readFileSync(path)) : null)

/** `JX_TIMING=1`: each phase's elapsed seconds on stderr, for the scale benchmarks. */
const started = performance.now()
const cpuSeconds = () => {
  const u = process.cpuUsage()
  return ((u.user + u.system) / 1e6).toFixed(2)
}
const lap = (phase: string) => {
  if (process.env.JX_TIMING) process.stderr.write(`[timing] ${phase} ${((performance.now() - started) / 1000).toFixed(2)} s, cpu ${cpuSeconds()} s\n`)
}

/**
 * `JSON.stringify(items, null, 2)` and a line break, to the last byte, where `items` are given in batches (a unit's
 * rows), handed to `out` about a megabyte at a time: a province's 400,000 rows are never one string of 160 MB.
 */
export function printJson(out: (text: string) => void, batches: Iterable<readonly unknown[]>): void {
  let text = '['
  let empty = true
  for (const batch of batches) {
    if (batch.length === 0) continue
    // "[\n  …\n]": the items as the whole list indents them, between its brackets
    text += `${empty ? '\n' : ',\n'}${JSON.stringify(batch, null, 2).slice(2, -2)}`
    empty = false
    if (text.length > 1 << 20) {
      out(text)
      text = ''
    }
  }
  out(`${text}${empty ? ']' : '\n]'}\n`)
}

/** Runs one command; `out` is given what goes to standard output, in pieces, each line ended. */
export async function run(argv: readonly string[], out: (text: string) => void): Promise<void> {
  const opts = parseArgs(argv)
  if (opts.out) checkOutFolder(opts.out)
  const folders = readFolders(resolve(opts.folder))
  // a file as the browser keeps it (each unit's and year's own) or one set for every unit, as before units
  const book = opts.judgements ? readJudgementBook(readJson(opts.judgements, '评价文件')) : null
  const judgementsOf = (org: string, year: number) => book?.scopes.get(scopeKey({ org, year })) ?? book?.unscoped ?? undefined
  lap('read files')
  const profile = opts.profile ? checkProfile(readJson(opts.profile, '预警规则文件')) : NATIONAL_PROFILE
  if (!profile) throw new UsageError(`预警规则文件 “${opts.profile}” 不是有效的规则：每个月份应为 1–12，阈值应为 0–1`)
  const { scoring, monitor } = readSettings(opts.settings)
  // the snapshot is drawn by the browser as if duckdb-wasm had computed it: computed on duckdb-wasm, to the last bit;
  // duckdb-wasm and Arrow are loaded only then (a few tenths of a second of start-up otherwise)
  const wasm = opts.engine === 'wasm' || (opts.command === 'snapshot' && !argv.includes('--engine'))
  const start = async (): Promise<QueryEngine> => (wasm ? (await import('@/engine/duckdbNode')).createNodeEngine() : createNativeEngine())
  if (opts.command === 'snapshot') {
    await snapshot(resolve(opts.folder), folders, start, !wasm, out)
    return
  }
  const engine = await start()
  try {
    lap('engine started')
    // a folder `snapshot` has written its checked tables into, unchanged since: those tables, not every file again;
    // native DuckDB queries their database file where it lies
    const shipped = shippedTablesOf(opts.folder, folders)
    const tablesFile = (name: string) => join(opts.folder, SHIPPED_TABLES_DIR, name)
    if (shipped && !wasm && (await attachShippedDatabase(engine, shipped.tables, tablesFile(SHIPPED_DATABASE_FILE), shipped.fromTheseFiles))) {
      lap('attached the checked tables\' database')
    } else if (shipped && (await loadShippedTables(engine, shipped.tables, async (name) => readIfExists(tablesFile(name)), shipped.fromTheseFiles))) {
      lap('loaded from the checked tables')
    } else {
      await loadDataset(engine, folders)
      lap('loaded and checked')
    }
    const datasets = await readDatasets(engine)
    if (datasets.length === 0) throw new UsageError('数据中没有任何年度的指标、项目、完成值或支出数')
    const year = chooseYear(datasets.map((d) => d.year), opts.year)
    const orgs = new Map((await readOrgs(engine)).map((o) => [o.org, o]))
    const ofYear = datasets.filter((d) => d.year === year)
    if (opts.command === 'monitor') {
      const latest = ofYear.reduce((m, d) => Math.max(m, d.latestMonth ?? 0), 0)
      const month = opts.month ?? latest
      if (month === 0) throw new UsageError(`${year} 年度还没有任何月份的完成值或支出数`)
      const hasLastYear = datasets.some((d) => d.year === year - 1)
      // projects only serve to match last year's indicators; spending is no part of the monitor's figures
      const skip = hasLastYear ? (['spending'] as const) : (['spending', 'projects'] as const)
      const units = await readScopes(engine, { year, org: null, months: [month, month], skip })
      // last year is read from the earliest month a figure of this year comes from (a unit that has not reported
      // since compares its figure with last year's of the same month)
      let firstMonth = month
      for (const u of units.values()) for (const s of u.indicatorSeries.values()) firstMonth = Math.min(firstMonth, s[0]?.dataMonth ?? month)
      const before = hasLastYear
        ? await readScopes(engine, { year: year - 1, org: null, months: [firstMonth, month], skip: ['spending'] })
        : new Map<string, StoreSnapshot>()
      lap('series read')
      // each unit's rows made as they are printed: never every unit's at once
      printJson(out, (function* () {
        for (const u of units.values()) yield monitorJson(orgs.get(u.org), u, before.get(u.org), month, monitor)
      })())
      lap('computed and written')
      return
    }
    const units = await readScopes(engine, { year, org: null })
    if (opts.command === 'audit') {
      // targets are checked against last year's actuals (财预〔2021〕101号 历史标准) where the folder holds last year
      const before = datasets.some((d) => d.year === year - 1) ? await readScopes(engine, { year: year - 1, org: null }) : new Map<string, StoreSnapshot>()
      const results = [...units.values()].flatMap((u) => {
        const counterparts = lastYearIndicators(u.indicators, u.projects, before.get(u.org) ?? null, u.links)
        const history = historicalReferences(u.indicators, counterparts)
        const findings = auditTargets({ indicators: u.indicators, projects: u.projects, plans: u.plans, scoring, history })
        return { unit: u, findings }
      })
      if (opts.json) printJson(out, results.map(({ unit, findings }) => auditJson(unit, findings)))
      if (opts.out) {
        for (const { unit, findings } of results) {
          const dir = unitFolder(opts.out, units.size, orgs.get(unit.org), unit.org)
          const names = new Map(unit.projects.map((p) => [p.code, p.name]))
          writeFileSync(join(dir, '指标质量审核.csv'), sheetToCsv(auditSheet(findings, unit.indicators, names)))
        }
      }
      return
    }
    const assessed = [...units.values()].flatMap((u) => {
      if (u.latestMonth === null) return []
      const data = { indicators: u.indicators, projects: u.projects, indicatorSeries: u.indicatorSeries, spendingSeries: u.spendingSeries, year, latestMonth: u.latestMonth }
      return [{ unit: u, ...assessDepartment(data, scoring, monitor, judgementsOf(u.org, year)) }]
    })
    if (assessed.length === 0) throw new UsageError(`${year} 年度的数据中没有任何月份的完成值或支出数，无法自评`)
    if (opts.json) printJson(out, assessed.map(({ unit, forms }) => forms.map((f) => projectJson(f, unit.org))))
    if (opts.out) {
      const lines: ProjectAssessmentLine[] = []
      const reviews: UnitReviewLine[] = []
      for (const { unit, forms, summary } of assessed) {
        const org = orgs.get(unit.org)
        const dir = unitFolder(opts.out, units.size, org, unit.org)
        for (const f of forms) writeFileSync(join(dir, `自评表_${safeName(f.project.code)}.csv`), sheetToCsv(assessmentSheet(f)))
        writeFileSync(join(dir, '部门汇总.csv'), sheetToCsv(summarySheet(summary)))
        const spot = judgementsOf(unit.org, year)?.spotChecks
        lines.push(...summary.projects.map((p, i) => ({
          unit: org?.name ?? unit.org, code: p.code, name: p.name, budget: p.budget, spent: p.spent, rate: p.rate,
          total: p.total, grade: p.grade, spotCheck: spot && forms[i] ? spotCheckTotal(forms[i], spot) : null,
        })))
        const review = unitReview(forms, spot ?? { indicators: new Map(), execution: new Map() }, (t) => grade(t, scoring))
        reviews.push({ name: org?.name ?? unit.org, department: org?.department ?? unit.projects[0]?.department ?? null, projects: forms.length, ...review })
        if (opts.docx) {
          const organisation = org?.name ?? forms[0]?.project.department ?? ''
          for (const f of forms) {
            writeFileSync(join(dir, `自评报告_${safeName(f.project.code)}.docx`), await reportToDocx(selfAssessmentReport(f, { organisation, budgetUse: scoring.budgetUse })))
          }
        }
      }
      if (units.size > 1) {
        // the bureau's summary workbook beside the units' folders: the month's 通报 and every project's 自评
        const month = assessed.reduce((m, a) => Math.max(m, a.unit.latestMonth ?? 0), 0)
        const before = datasets.some((d) => d.year === year - 1) ? await readScopes(engine, { year: year - 1, org: null }) : new Map<string, StoreSnapshot>()
        const rows = [...units.values()].map((u) => ({
          ...unitRow(u, before.get(u.org) ?? null, year, month, profile, monitor),
          name: orgs.get(u.org)?.name ?? u.org,
          department: orgs.get(u.org)?.department ?? u.projects[0]?.department ?? null,
        }))
        const sheets = [
          bureauMonthlySheet(rows, year, month, profile),
          bureauUnitReviewSheet(reviews, year, scoring.budgetUse),
          bureauAssessmentSheet(lines, year, scoring.budgetUse),
          bureauSpotCheckSheet(lines, year),
        ]
        writeFileSync(join(opts.out, '单位汇总.xlsx'), await sheetsToXlsx(sheets))
      }
    }
  } finally {
    await engine.close()
    lap('engine closed')
  }
}

/**
 * `snapshot`: the figures a cold browser draws at once (snapshot.json), the checked tables it loads instead of the
 * files (tables/*.csv) and, on native DuckDB (`--engine native`, a province's folder), those tables as a DuckDB
 * database file for the command line (tables/tables.duckdb, read from the CSVs once the engine that checked the files
 * is closed: a province's tables are not held twice). The build's snapshot, on duckdb-wasm, writes none: a file of
 * 3 MB at least that no browser reads is not deployed.
 */
async function snapshot(
  folder: string,
  folders: readonly DatasetFolder[],
  start: () => Promise<QueryEngine>,
  withDatabase: boolean,
  out: (text: string) => void,
): Promise<void> {
  const dir = join(folder, SHIPPED_TABLES_DIR)
  const database = join(dir, SHIPPED_DATABASE_FILE)
  let meta: ShippedTables
  const engine = await start()
  try {
    lap('engine started')
    await loadDataset(engine, folders)
    lap('loaded and checked')
    const dumped = await dumpTables(engine, folders)
    meta = dumped.meta
    mkdirSync(dir, { recursive: true })
    // a database file of the tables before would be refused by its key; gone, it is not even tried
    rmSync(database, { force: true })
    for (const [table, data] of dumped.bytes) writeFileSync(join(dir, `${table}.csv`), data)
    writeFileSync(join(folder, SHIPPED_SNAPSHOT_FILE), serializeShipped({ ...(await computeShippedSnapshot(engine, folders)), tables: meta }))
  } finally {
    await engine.close()
  }
  lap('tables and snapshot written')
  if (withDatabase) await writeDatabase(dir, meta)
  out(`已写出 ${join(folder, SHIPPED_SNAPSHOT_FILE)} 及 ${dir}\n`)
}

/** tables/tables.duckdb from the tables' CSVs just written in `dir`: made aside and renamed, never there half written. */
async function writeDatabase(dir: string, meta: ShippedTables): Promise<void> {
  const database = join(dir, SHIPPED_DATABASE_FILE)
  const writing = `${database}.new`
  rmSync(writing, { force: true })
  const native = await createNativeEngine()
  try {
    await writeShippedDatabase(native, meta, async (name) => readIfExists(join(dir, name)), writing)
  } finally {
    await native.close()
  }
  renameSync(writing, database)
  lap('database written')
}

// A file name is at most 255 bytes on Linux, macOS and Windows: room left for 自评报告_ and .docx around a name.
const MAX_NAME_BYTES = 150
// Names Windows keeps for devices, with any extension: CON, CON.csv, com1 …
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** A code or name as one file or folder name: nothing that climbs out of the output folder or is not allowed on Windows. */
export function safeName(text: string): string {
  const cleaned = text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim().replace(/^\.+/, '_')
  let name = ''
  let bytes = 0
  for (const ch of cleaned) {
    bytes += Buffer.byteLength(ch)
    if (bytes > MAX_NAME_BYTES) break
    name += ch
  }
  // Windows drops trailing dots and spaces, which would make two names one
  name = name.replace(/[. ]+$/, (end) => '_'.repeat(end.length))
  if (name === '') return '_'
  return WINDOWS_DEVICE.test(name) ? `_${name}` : name
}

/** The output folder itself for one unit; a folder per unit (by its name) when the data hold several. */
function unitFolder(out: string, units: number, org: OrgEntry | undefined, key: string): string {
  const dir = units > 1 ? join(out, safeName(org?.name && org.name !== key ? `${key}_${org.name}` : key)) : out
  mkdirSync(dir, { recursive: true })
  return dir
}

async function main() {
  try {
    await run(process.argv.slice(2), (text) => process.stdout.write(text))
    process.exitCode = 0
  } catch (err) {
    if (err instanceof DatasetError) {
      process.stderr.write(`数据有误：${err.fileName}\n${err.messages.map((m) => `  ${err.fileName} ${m}`).join('\n')}\n`)
      process.exitCode = 1
    } else if (err instanceof UsageError) {
      process.stderr.write(err.showUsage ? `${err.message}\n${USAGE}\n` : `${err.message}\n`)
      process.exitCode = 2
    } else {
      // an output folder that cannot be written, a full disk: one sentence, no stack trace
      const e = err as NodeJS.ErrnoException
      process.stderr.write(`无法完成：${e.code ? `${e.code} ${e.path ?? ''}`.trim() : (e.message ?? String(err)).split('\n')[0]}\n`)
      process.exitCode = 1
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) void main()
