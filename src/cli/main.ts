// 绩效看板 from the command line: the 自评 rules and the indicator audit over a folder of CSVs (docs/formats.md), with the
// same DuckDB (duckdb-wasm under Node) and the same domain code as the browser.
//   npm run cli -- assess <folder> [--json] [--out <dir> [--docx]] [--judgements <file.json>]
//   npm run cli -- audit <folder> [--json]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assessDepartment } from '@/domain/departmentSummary'
import { isQualitative } from '@/domain/indicator'
import type { AssessmentForm } from '@/domain/selfAssessment'
import { readStoredJudgements } from '@/persist/judgements'
import { auditTargets, type Finding } from '@/domain/audit'
import { round2 } from '@/domain/scoring'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from '@/domain/settings'
import type { Indicator, MonitorSettings, ScoringSettings } from '@/domain/types'
import { createNodeEngine } from '@/engine/duckdbNode'
import { sheetToCsv } from '@/export/csv'
import { reportToDocx } from '@/export/docx'
import { assessmentSheet, auditSheet, summarySheet } from '@/export/forms'
import { selfAssessmentReport } from '@/export/report'
import { findingMessage, findingSuggestion } from '@/i18n/describeAudit'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import { DatasetError, loadDataset, type DatasetFiles } from '@/ingest/loadDataset'
import { readStoredDataset } from './storedDataset'

const USAGE = `用法 usage:
  npm run cli -- assess <文件夹> [--json] [--out <输出文件夹> [--docx]] [--judgements <评价.json>] [--settings <设置.json>]
  npm run cli -- audit <文件夹> [--json] [--out <输出文件夹>] [--settings <设置.json>]`

export class UsageError extends Error {}

interface Options {
  command: 'assess' | 'audit'
  folder: string
  json: boolean
  out: string | null
  /** also write each project's 绩效自评报告 as .docx into `out` */
  docx: boolean
  judgements: string | null
  settings: string | null
}

export function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv
  if (command !== 'assess' && command !== 'audit') throw new UsageError(command ? `未知的命令 “${command}”` : '缺少命令')
  const opts: Options = { command, folder: '', json: false, out: null, docx: false, judgements: null, settings: null }
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
    else if (a.startsWith('--')) throw new UsageError(`未知的选项 “${a}”`)
    else if (!opts.folder) opts.folder = a
    else throw new UsageError(`多余的参数 “${a}”`)
  }
  if (!opts.folder) throw new UsageError('缺少数据文件夹')
  if (!opts.json && !opts.out) throw new UsageError('请给出 --json 或 --out <输出文件夹>')
  if (opts.docx && (command !== 'assess' || !opts.out)) throw new UsageError('--docx 只用于 assess，并需同时给出 --out <输出文件夹>')
  return opts
}

/** The files (docs/formats.md) a folder holds, by their standard names. */
export function readFolder(folder: string): DatasetFiles {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`找不到数据文件夹 “${folder}”`)
  const files: DatasetFiles = {}
  for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
    const path = join(folder, FILE_KINDS[kind].fileName)
    if (existsSync(path)) files[kind] = new Uint8Array(readFileSync(path))
  }
  if (Object.keys(files).length === 0) {
    const names = Object.values(FILE_KINDS).map((k) => k.fileName).join('、')
    throw new UsageError(`文件夹 “${folder}” 中没有可读的数据文件（${names}）`)
  }
  return files
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (err) {
    throw new UsageError(`${what} “${path}” 不是有效的 JSON：${(err as Error).message}`)
  }
}

/** The organisation named in the folder's about.json (as the browser's header shows it), if there is one. */
function readOrganisation(folder: string): string | null {
  const path = join(folder, 'about.json')
  if (!existsSync(path)) return null
  const about = readJson(path, '说明文件')
  return typeof about === 'object' && about !== null && typeof (about as { organisation?: unknown }).organisation === 'string'
    ? (about as { organisation: string }).organisation
    : null
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/** One project as the JSON output gives it: amounts in 万元, the rate as a fraction, scores to two decimals. */
export function projectJson(f: AssessmentForm) {
  return {
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
export function auditJson(indicators: readonly Indicator[], findings: readonly Finding[]) {
  const finding = (f: Finding) => ({
    kind: f.kind,
    severity: f.severity,
    scope: f.indicatorId ? 'indicator' : 'project',
    message: findingMessage(f, 'zh'),
    suggestion: findingSuggestion(f, 'zh'),
  })
  return indicators.map((i) => ({
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

export async function run(argv: readonly string[], out: (s: string) => void): Promise<void> {
  const opts = parseArgs(argv)
  const files = readFolder(resolve(opts.folder))
  const stored = opts.settings ? (readJson(opts.settings, '设置文件') as { scoring?: unknown; monitor?: unknown }) : {}
  const scoring: ScoringSettings = mergeSettings(DEFAULT_SCORING_SETTINGS, stored.scoring)
  const monitor: MonitorSettings = mergeSettings(DEFAULT_MONITOR_SETTINGS, stored.monitor)
  const engine = await createNodeEngine()
  try {
    await loadDataset(engine, files)
    const ds = await readStoredDataset(engine)
    if (opts.command === 'audit') {
      const findings = auditTargets({ indicators: ds.indicators, projects: ds.projects, plans: ds.plans, scoring })
      if (opts.json) out(JSON.stringify(auditJson(ds.indicators, findings), null, 2))
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true })
        const names = new Map(ds.projects.map((p) => [p.code, p.name]))
        writeFileSync(join(opts.out, '指标质量审核.csv'), sheetToCsv(auditSheet(findings, ds.indicators, names)))
      }
      return
    }
    if (!ds.data) throw new UsageError('数据中没有任何月份的完成值或支出数，无法自评')
    const j = opts.judgements ? readStoredJudgements(readJson(opts.judgements, '评价文件')) : undefined
    const { forms, summary } = assessDepartment(ds.data, scoring, monitor, j)
    if (opts.json) out(JSON.stringify(forms.map(projectJson), null, 2))
    if (opts.out) {
      mkdirSync(opts.out, { recursive: true })
      for (const f of forms) writeFileSync(join(opts.out, `自评表_${f.project.code}.csv`), sheetToCsv(assessmentSheet(f)))
      writeFileSync(join(opts.out, '部门汇总.csv'), sheetToCsv(summarySheet(summary)))
      if (opts.docx) {
        const organisation = readOrganisation(opts.folder) ?? forms[0]?.project.department ?? ''
        for (const f of forms) writeFileSync(join(opts.out, `自评报告_${f.project.code}.docx`), await reportToDocx(selfAssessmentReport(f, { organisation })))
      }
    }
  } finally {
    await engine.close()
  }
}

async function main() {
  try {
    await run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'))
    process.exitCode = 0
  } catch (err) {
    if (err instanceof DatasetError) {
      process.stderr.write(`数据有误：${err.fileName}\n${err.messages.map((m) => `  ${err.fileName} ${m}`).join('\n')}\n`)
    } else if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`)
    } else {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
    }
    process.exitCode = 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) void main()
