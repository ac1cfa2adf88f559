import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { BUILT_IN_PROFILES, checkProfile, NATIONAL_PROFILE, unitRow, type RuleProfile, type UnitRow } from '@/domain/bureau'
import type { Light } from '@/domain/types'
import { readScopes, type StoreSnapshot } from '@/ingest/readStore'
import { saveOnChange } from '@/persist/storedValue'
import { storedProfiles } from '@/persist/userState'
import { useDatasetStore } from './dataset'
import { useSettingsStore } from './settings'

/** A row of the bureau page: the unit's figures and how it is named and grouped. */
export interface BureauRow extends UnitRow {
  name: string
  department: string | null
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
  const units = shallowRef<Map<string, StoreSnapshot>>(new Map())
  const lastYearUnits = shallowRef<Map<string, StoreSnapshot>>(new Map())
  /** the year the units were read for, and the data version they reflect */
  let loadedFor = ''
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

  /** Reads every unit of the year on screen (and the year before, for 同比 of execution), once per data version. */
  async function load(): Promise<void> {
    const y = year.value
    if (y === null) return
    const key = `${y}|${dataset.version}`
    if (loadedFor === key) return
    loadedFor = key
    status.value = 'loading'
    const engine = await dataset.engineReady()
    performance.mark('jx:bureau-read-start')
    const [now, before] = await Promise.all([
      readScopes(engine, { year: y, org: null }),
      dataset.datasets.some((d) => d.year === y - 1) ? readScopes(engine, { year: y - 1, org: null }) : Promise.resolve(new Map()),
    ])
    if (loadedFor !== key) return
    for (const s of [...now.values(), ...before.values()]) markRaw(s)
    units.value = now
    lastYearUnits.value = before
    dataset.prime([...now.values(), ...before.values()])
    status.value = 'ready'
    performance.mark('jx:bureau-read')
  }
  watch(year, () => (pickedMonth.value = null))

  const rows = computed<BureauRow[]>(() => {
    const m = month.value
    const y = year.value
    if (m === null || y === null) return []
    const names = new Map(dataset.orgs.map((o) => [o.org, o]))
    return [...units.value.values()].map((u) => {
      const org = names.get(u.org)
      const last = lastYearUnits.value.get(u.org) ?? null
      return {
        ...unitRow(u, last, y, m, profile.value, settings.monitor),
        name: org?.name ?? u.org,
        department: org?.department ?? u.projects[0]?.department ?? null,
      }
    })
  })

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
    profiles, profile, selectedProfile, customProfiles, status, units, lastYearUnits, year, month, pickedMonth, latestMonth,
    rows, departments, load, saveProfile, importProfile, deleteProfile,
  }
})

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
