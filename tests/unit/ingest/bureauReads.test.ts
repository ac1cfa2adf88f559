// The bureau reads every unit set-wise and one month at a time (src/stores/bureau.ts): what it reads must be what the
// whole year's read (readScopes) holds, so that every figure of its rows is the same.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFolders } from '@/cli/folders'
import { NATIONAL_PROFILE, reportedIn, unitRow } from '@/domain/bureau'
import { DEFAULT_MONITOR_SETTINGS } from '@/domain/settings'
import type { QueryEngine } from '@/engine/QueryEngine'
import { loadDataset } from '@/ingest/loadDataset'
import { readMonthSeries, readProjects, readReportMonths, readScopes, readStore, readTargets, readUnitYears, type StoreSnapshot } from '@/ingest/readStore'
import { makeBureau } from '../../../scripts/make-bureau.mjs'
import { ENGINES } from '../../engines'

const YEAR = 2024
const MONTHS = 6

describe.each(ENGINES)('the bureau’s reads on $name', ({ create }) => {
  let engine: QueryEngine
  let folder: string
  let whole: Map<string, StoreSnapshot>
  let lastYear: Map<string, StoreSnapshot>
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jx-bureau-reads-'))
    // unit 5 has not reported its last month (make-bureau: u % 17 === 5)
    await makeBureau({ units: 8, years: 2, out: folder, indicators: 6, projects: 2, months: MONTHS, year: YEAR })
    engine = await create()
    await loadDataset(engine, readFolders(folder))
    whole = await readScopes(engine, { year: YEAR, org: null })
    lastYear = await readScopes(engine, { year: YEAR - 1, org: null })
  }, 120_000)
  afterAll(async () => {
    await engine.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('finds the months every unit reported in as its whole year’s series do', async () => {
    const reports = await readReportMonths(engine, YEAR)
    let unreported = 0
    for (const unit of whole.values()) {
      for (let m = 1; m <= 12; m++) {
        expect(reports.get(unit.org)?.has(m) ?? false, `${unit.org} ${m}月`).toBe(reportedIn(unit, m))
        if (m === MONTHS && !reportedIn(unit, m)) unreported++
      }
    }
    expect(unreported).toBe(1)
  })

  it('reads a month’s series points as the whole year’s read has them', async () => {
    for (const m of [1, MONTHS - 1, MONTHS, 12]) {
      const month = await readMonthSeries(engine, { year: YEAR, org: null, months: [m, m] })
      for (const unit of whole.values()) {
        const read = month.get(unit.org)
        for (const [id, points] of unit.indicatorSeries) expect(read?.indicatorSeries.get(id)).toEqual(points.filter((p) => p.month === m))
        for (const [code, points] of unit.spendingSeries) expect(read?.spendingSeries.get(code)).toEqual(points.filter((p) => p.month === m))
      }
    }
  })

  it('reads the units asked alone with the same points as the month’s read of every unit', async () => {
    const asked = [...whole.keys()].filter((_, i) => i % 3 === 1)
    const month = await readMonthSeries(engine, { year: YEAR, org: null, orgs: asked, months: [MONTHS - 1, MONTHS - 1] })
    expect([...month.keys()].sort()).toEqual([...asked].sort())
    for (const org of asked) {
      const unit = whole.get(org) as StoreSnapshot
      for (const [id, points] of unit.indicatorSeries) expect(month.get(org)?.indicatorSeries.get(id)).toEqual(points.filter((p) => p.month === MONTHS - 1))
      for (const [code, points] of unit.spendingSeries) expect(month.get(org)?.spendingSeries.get(code)).toEqual(points.filter((p) => p.month === MONTHS - 1))
    }
  })

  it('reads the targets and projects of every unit as the whole year’s read has them, without series (and plans and links when asked)', async () => {
    const targets = await readTargets(engine, { year: YEAR, org: null })
    expect([...targets.keys()]).toEqual([...whole.keys()])
    for (const [org, unit] of whole) {
      expect(targets.get(org)).toEqual({ ...unit, indicatorSeries: new Map(), spendingSeries: new Map() })
    }
    const lean = await readTargets(engine, { year: YEAR, org: null }, { plans: false, links: false })
    for (const [org, unit] of whole) {
      expect(lean.get(org)).toEqual({ ...unit, plans: new Map(), links: [], indicatorSeries: new Map(), spendingSeries: new Map() })
    }
    const projects = await readProjects(engine, { year: YEAR - 1, org: null })
    for (const [org, unit] of lastYear) expect(projects.get(org) ?? []).toEqual(unit.projects)
  })

  it('gives every unit the same row from one month’s series as from the whole year’s', async () => {
    const reports = await readReportMonths(engine, YEAR)
    for (const m of [MONTHS - 1, MONTHS]) {
      const now = await readMonthSeries(engine, { year: YEAR, org: null, months: [m, m] })
      const before = await readMonthSeries(engine, { year: YEAR - 1, org: null, months: [m, m] }, { indicators: false, spending: true })
      for (const unit of whole.values()) {
        const last = lastYear.get(unit.org) ?? null
        const expected = unitRow(unit, last, YEAR, m, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS)
        const monthOnly = { ...unit, ...now.get(unit.org) }
        const lastMonthOnly = last && { projects: last.projects, spendingSeries: before.get(unit.org)?.spendingSeries ?? new Map() }
        const row = unitRow(monthOnly, lastMonthOnly, YEAR, m, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS, reports.get(unit.org) ?? new Set())
        expect(row, `${unit.org} ${m}月`).toEqual(expected)
      }
    }
  })

  it('reads a unit opened with its last year in one pass, each year as its own read and the bureau’s whole-year read have it', async () => {
    for (const org of [...whole.keys()].slice(0, 3)) {
      const both = await readUnitYears(engine, org, [YEAR, YEAR - 1])
      expect([...both.keys()]).toEqual([YEAR, YEAR - 1])
      expect(both.get(YEAR)).toEqual(await readStore(engine, { org, year: YEAR }))
      expect(both.get(YEAR)).toEqual(whole.get(org))
      expect(both.get(YEAR - 1)).toEqual(await readStore(engine, { org, year: YEAR - 1 }))
      expect(both.get(YEAR - 1)).toEqual(lastYear.get(org))
    }
    const [org] = whole.keys()
    const none = await readUnitYears(engine, org as string, [YEAR - 5])
    expect(none.get(YEAR - 5)).toEqual(await readStore(engine, { org: org as string, year: YEAR - 5 }))
  })
})
