import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { BUILT_IN_PROFILES, checkProfile, NATIONAL_PROFILE, unitRow, type RuleProfile, type UnitData, type UnitRow } from '@/domain/bureau'
import type { Light, Project } from '@/domain/types'
import { readMonthSeries, readProjects, readReportMonths, readTargets, type StoreSnapshot, type UnitSeries } from '@/ingest/readStore'
import { saveOnChange } from '@/persist/storedValue'
import { storedProfiles } from '@/persist/userState'
import { useDatasetStore } from './dataset'
import { useSettingsStore } from './settings'

/** A row of the bureau page: the unit's figures and how it is named and grouped. */
export interface BureauRow extends UnitRow {
  name: string
  department: string | null
}

/** A unit with its series at its latest month: what its 自评 is computed from. */
type UnitAtLatest = UnitData & { latestMonth: number }

/** What a read of the bureau's units is for; a new one whenever the year or the stored data change. */
interface ReadFor {
  year: number
  data: readonly unknown[]
  hasLastYear: boolean
}

/** One month of every unit: this year's series at that month, and last year's spending at the same month. */
interface MonthSeries {
  now: Map<string, UnitSeries>
  lastYear: Map<string, UnitSeries>
}

export type BureauSortKey =
  | 'name' | 'department' | 'rate' | 'gapVsTime' | 'gapVsThreshold' | 'red' | 'yellow' | 'headline' | 'reported' | 'yoyPoints'

/**
 * The finance bureau's view over every unit of a year: read in a few queries for all units at once, judged by the
 * bureau's rule profile for the month chosen (the same month for every unit: like is compared with like).
 */
export const useBureauStore = defineStore('bureau', () => {
  const dataset = useDatasetStore()
  const settings = useSettingsStore()
  const stored = storedProfiles.read()
  const customProfiles = ref<RuleProfile[]>(stored.custom)
  const selectedProfile = ref(stored.selected)
  saveOnChange(storedProfiles, () => ({ selected: selectedProfile.value, custom: customProfiles.value }))

  const profiles = computed(() => [...BUILT_IN_PROFILES, ...customProfiles.value])
  const profile = computed(() => profiles.value.find((p) => p.id === selectedProfile.value) ?? NATIONAL_PROFILE)

  const status = ref<'idle' | 'loading' | 'ready'>('idle')
  /** Every unit of the year on screen: its targets and projects; its series are read month by month (`unitAt`). */
  const units = shallowRef<Map<string, StoreSnapshot>>(new Map())
  /** last year's projects of every unit, for 同比 of execution */
  const lastYearProjects = shallowRef<Map<string, Project[]>>(new Map())
  /** the months each unit reported in: 未报送 and its last report, whatever month is read */
  const reportMonths = shallowRef<Map<string, Set<number>>>(new Map())
  /** the months read so far: every unit's series at that month, and last year's spending at the same month */
  const months = shallowRef<Map<number, MonthSeries>>(new Map())
  /**
   * Every unit with its series at its own latest month, for its 自评 (as its own pages compute it). Only that month's
   * points are at hand: a 说明 of an earlier month (an AssessmentForm's `dataNote`) is not, and no figure uses it.
   */
  const atLatestMonth = shallowRef<Map<string, UnitAtLatest>>(new Map())
  /** the month whose rows are on screen: the one picked, once its series are read */
  const shownMonth = ref<number | null>(null)
  /**
   * what the units were read for: the year and the store's data (a new list whenever the stored data change), and
   * whether the store holds the year before (for 同比)
   */
  let loadedFor: ReadFor | null = null
  /** months being read, and how to have a read ahead finish at once */
  const reading = new Map<number, { work: Promise<void>; hurry: () => void }>()
  /** the run of reading ahead going on, if any (`readAhead`) */
  let readingAhead: object | null = null
  const pickedMonth = ref<number | null>(null)

  const year = computed(() => dataset.year)
  /** The latest month any unit reported in: the bureau's 数据截至 unless another is picked. */
  const latestMonth = computed(() => {
    let latest = 0
    for (const d of dataset.datasets) if (d.year === year.value) latest = Math.max(latest, d.latestMonth ?? 0)
    return latest || null
  })
  const month = computed(() => {
    const latest = latestMonth.value
    if (latest === null) return null
    return pickedMonth.value !== null && pickedMonth.value <= latest ? pickedMonth.value : latest
  })

  /**
   * Reads one month of every unit (once per data version), into `months`. A read ahead (`ahead`) reads in slices of
   * units and gives up between them once reading ahead is stopped: a unit opened meanwhile waits for one slice's
   * query, not a month's. Once the page waits for the month, the rest is read in one go.
   */
  function readMonth(m: number, token: ReadFor, ahead: object | null = null): Promise<void> {
    const pending = reading.get(m)
    if (pending) {
      if (ahead === null) pending.hurry()
      return pending.work
    }
    let hurried = ahead === null
    const stopped = () => loadedFor !== token || (!hurried && readingAhead !== ahead)
    const work = (async () => {
      const engine = await dataset.engineReady()
      const orgs = [...units.value.keys()]
      const now = new Map<string, UnitSeries>()
      const lastYear = new Map<string, UnitSeries>()
      let from = 0
      do {
        const slice = hurried ? (from === 0 ? undefined : orgs.slice(from)) : orgs.slice(from, from + AHEAD_SLICE)
        from = hurried ? orgs.length : from + AHEAD_SLICE
        const scope = { org: null, orgs: slice, months: [m, m] as const }
        // reading ahead, one query at a time and none once stopped: a unit opened meanwhile waits for the query under
        // way at most, not the slice's three
        const inTurn = !hurried
        const readNow = () =>
          readMonthSeries(engine, { year: token.year, ...scope }, { indicators: true, spending: true, stopped: inTurn ? stopped : undefined })
        const readBefore = async () =>
          token.hasLastYear
            ? readMonthSeries(engine, { year: token.year - 1, ...scope }, { indicators: false, spending: true })
            : new Map<string, UnitSeries>()
        let read: Map<string, UnitSeries>
        let before: Map<string, UnitSeries>
        if (inTurn) {
          read = await readNow()
          if (stopped()) return
          before = await readBefore()
        } else [read, before] = await Promise.all([readNow(), readBefore()])
        if (stopped()) return
        for (const [org, series] of read) now.set(org, series)
        for (const [org, series] of before) lastYear.set(org, series)
      } while (from < orgs.length)
      months.value = new Map(months.value).set(m, markRaw({ now, lastYear }))
    })()
    reading.set(m, { work, hurry: () => (hurried = true) })
    return work.finally(() => {
      if (reading.get(m)?.work === work) reading.delete(m)
    })
  }

  /**
   * Reads every unit of the year on screen in a few set-wise queries, once per data version: targets and projects,
   * the months reported, and the series at the month shown and at each unit's latest month (its 自评's). The other
   * months follow in the background, the latest first.
   */
  function load(): Promise<void> {
    const y = year.value
    if (y === null) return Promise.resolve()
    const data = dataset.datasets
    if (loadedFor && loadedFor.year === y && loadedFor.data === data) {
      if (status.value === 'ready') void readAhead(loadedFor)
      // a second caller (the page, after a data change started the read) waits for the read under way
      return loading ?? Promise.resolve()
    }
    const token = { year: y, data, hasLastYear: data.some((d) => d.year === y - 1) }
    loadedFor = token
    loading = readAll(token)
    return loading
  }
  /** The read `load` started last. */
  let loading: Promise<void> | null = null
  async function readAll(token: ReadFor): Promise<void> {
    const y = token.year
    reading.clear()
    months.value = new Map()
    status.value = 'loading'
    const engine = await dataset.engineReady()
    performance.mark('jx:bureau-read-start')
    // asked at once: DuckDB's worker runs one query while this thread turns the last one's rows into the domain's
    const shown = month.value
    const [now, before, reports] = await Promise.all([
      readTargets(engine, { year: y, org: null }, { plans: false, links: false }),
      token.hasLastYear ? readProjects(engine, { year: y - 1, org: null }) : new Map<string, Project[]>(),
      readReportMonths(engine, y),
      shown === null ? null : readMonth(shown, token),
    ])
    // and each unit's own latest month (its 自评's) whole: the month before the latest is the one most picked next
    const wanted = new Set([...now.values()].map((u) => u.latestMonth).filter((m): m is number => m !== null && !months.value.has(m)))
    await Promise.all([...wanted].map((m) => readMonth(m, token)))
    if (loadedFor !== token) return
    for (const u of now.values()) markRaw(u)
    units.value = now
    lastYearProjects.value = before
    reportMonths.value = reports
    const latest = new Map<string, UnitAtLatest>()
    for (const u of now.values()) {
      if (u.latestMonth !== null) latest.set(u.org, { ...unitWith(u, months.value.get(u.latestMonth)?.now.get(u.org)), latestMonth: u.latestMonth })
    }
    atLatestMonth.value = latest
    status.value = 'ready'
    void show(month.value)
    performance.mark('jx:bureau-read')
    void readAhead(token)
  }
  /** the months before, read (and their rows computed) while the page is open, the latest first */
  async function readAhead(token: ReadFor): Promise<void> {
    const run = {}
    readingAhead = run
    // from when the page is first idle; then each month is read (in DuckDB's worker) as soon as the one before is, its
    // rows computed when the page is idle, so that a sort or a month picked meanwhile is drawn first
    await idle()
    for (let m = (latestMonth.value ?? 0) - 1; m >= 1; m--) {
      if (readingAhead !== run || loadedFor !== token) return
      if (!months.value.has(m)) await readMonth(m, token, run)
      await idle()
      if (readingAhead !== run || loadedFor !== token) return
      rowsOf(m)
    }
  }
  function stopReadingAhead(): void {
    readingAhead = null
  }
  watch(year, () => (pickedMonth.value = null))
  /** Shows month `m` once its series are read (at once when they are), unless another is picked meanwhile. */
  async function show(m: number | null): Promise<void> {
    const token = loadedFor
    if (m === null || token === null || status.value !== 'ready') return
    // again when the read joined was one ahead that gave up
    while (!months.value.has(m) && month.value === m && loadedFor === token) await readMonth(m, token)
    if (month.value === m && loadedFor === token) shownMonth.value = m
  }
  watch(month, (m) => void show(m))

  /** A unit's data with its series at month `m` (those of a month read; else none). */
  function unitAt(org: string, m: number): UnitData | null {
    const u = units.value.get(org)
    return u ? unitWith(u, months.value.get(m)?.now.get(org)) : null
  }

  /** Rows already computed, by month: recomputed only when the rules, the settings or the units change. */
  const rowsByMonth = computed(() => {
    void [units.value, lastYearProjects.value, reportMonths.value, profile.value, JSON.stringify(settings.monitor), dataset.orgs]
    return new Map<number, BureauRow[]>()
  })
  /** The rows of month `m`, computed once (until the rules, the settings or the units change); none before it is read. */
  function rowsOf(m: number): BureauRow[] {
    const y = year.value
    const series = months.value.get(m)
    if (y === null || !series) return []
    const cache = rowsByMonth.value
    const cached = cache.get(m)
    if (cached) return cached
    const names = new Map(dataset.orgs.map((o) => [o.org, o]))
    const computedRows = [...units.value.values()].map((u) => {
      const org = names.get(u.org)
      const projects = lastYearProjects.value.get(u.org)
      const last = projects ? { projects, spendingSeries: series.lastYear.get(u.org)?.spendingSeries ?? EMPTY } : null
      const unit = unitAt(u.org, m) as UnitData
      return markRaw({
        ...unitRow(unit, last, y, m, profile.value, settings.monitor, reportMonths.value.get(u.org) ?? new Set()),
        name: org?.name ?? u.org,
        department: org?.department ?? u.projects[0]?.department ?? null,
      })
    })
    cache.set(m, computedRows)
    return computedRows
  }
  const rows = computed<BureauRow[]>(() => (shownMonth.value === null ? [] : rowsOf(shownMonth.value)))

  /** 主管部门 of the units, for the filter. */
  const departments = computed(() => [...new Set(rows.value.map((r) => r.department).filter((d): d is string => !!d))].sort())

  function saveProfile(p: RuleProfile): void {
    customProfiles.value = [...customProfiles.value.filter((x) => x.id !== p.id), p]
    selectedProfile.value = p.id
  }
  /** A profile file as exported: refused (null) unless it checks out; a built-in's id gets a new one. */
  function importProfile(raw: unknown): RuleProfile | null {
    const p = checkProfile(raw)
    if (!p) return null
    const id = BUILT_IN_PROFILES.some((b) => b.id === p.id) ? `${p.id}-imported` : p.id
    saveProfile({ ...p, id })
    return { ...p, id }
  }
  function deleteProfile(id: string): void {
    customProfiles.value = customProfiles.value.filter((p) => p.id !== id)
    if (selectedProfile.value === id) selectedProfile.value = NATIONAL_PROFILE.id
  }

  return {
    profiles, profile, selectedProfile, customProfiles, status, units, year, month, shownMonth, pickedMonth, latestMonth,
    rows, departments, atLatestMonth, load, stopReadingAhead, unitAt, saveProfile, importProfile, deleteProfile,
  }
})

/** units per query of a month read ahead: a whole month of 300 units kept a unit opened meanwhile waiting 0.3–1 s; smaller slices slowed reading ahead (and switching to a month) by the cost of each query */
const AHEAD_SLICE = 100
const EMPTY = new Map<string, never[]>()
/** A unit's targets and projects with series read at some month (none when it has none then). */
const unitWith = (u: StoreSnapshot, s: UnitSeries | undefined): UnitData => ({
  org: u.org, indicators: u.indicators, projects: u.projects, indicatorSeries: s?.indicatorSeries ?? EMPTY, spendingSeries: s?.spendingSeries ?? EMPTY,
})

const idle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0),
  )

// one collator for every comparison: `localeCompare(b, 'zh-CN')` builds the locale's collator again on each call
const byName = new Intl.Collator('zh-CN').compare

/** How the page sorts and filters the rows: pure, so that sorting 300 units stays well under a frame. */
export function sortRows(rows: readonly BureauRow[], key: BureauSortKey, descending: boolean): BureauRow[] {
  const value = (r: BureauRow): number | string | null => {
    switch (key) {
      case 'name': return r.name
      case 'department': return r.department
      case 'red': return r.lights.red
      case 'yellow': return r.lights.yellow
      case 'reported': return r.reported ? 1 : 0
      default: return r[key]
    }
  }
  const sign = descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    // units without a figure go last whichever way the column is sorted
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1
    if (typeof va === 'string' || typeof vb === 'string') return sign * byName(String(va), String(vb))
    return sign * (va - vb) || byName(a.name, b.name)
  })
}

export function filterRows(rows: readonly BureauRow[], f: { light: Light | null; department: string | null; search: string }): BureauRow[] {
  const q = f.search.trim()
  return rows.filter(
    (r) =>
      (f.light === null || r.executionLight === f.light || (f.light !== 'none' && r.lights[f.light] > 0)) &&
      (f.department === null || r.department === f.department) &&
      (q === '' || r.name.includes(q) || r.org.includes(q)),
  )
}
