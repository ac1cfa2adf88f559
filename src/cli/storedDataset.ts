import type { AssessmentData } from '@/domain/departmentSummary'
import type { Indicator, PlanPoint, Project } from '@/domain/types'
import type { QueryEngine } from '@/engine/QueryEngine'
import { readStore } from '@/ingest/readStore'

/** The stored tables as the assessment needs them — read by the same code as the browser's dataset store. */
export interface StoredDataset {
  indicators: Indicator[]
  projects: Project[]
  plans: Map<string, PlanPoint[]>
  /** null when no month has data yet */
  data: AssessmentData | null
}

export async function readStoredDataset(e: QueryEngine): Promise<StoredDataset> {
  const s = await readStore(e)
  return {
    indicators: s.indicators,
    projects: s.projects,
    plans: new Map(Object.entries(s.plans)),
    data:
      s.year !== null && s.latestMonth !== null
        ? { indicators: s.indicators, projects: s.projects, indicatorSeries: s.indicatorSeries, spendingSeries: s.spendingSeries, year: s.year, latestMonth: s.latestMonth }
        : null,
  }
}
