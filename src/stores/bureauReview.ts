import { defineStore } from 'pinia'
import { computed } from 'vue'
import { assessDepartment } from '@/domain/departmentSummary'
import { grade } from '@/domain/scoring'
import type { AssessmentForm } from '@/domain/selfAssessment'
import { spotCheckTotal, unitReview, type UnitReview } from '@/domain/spotCheck'
import type { ProjectAssessmentLine } from '@/export/bureau'
import { useBureauStore } from './bureau'
import { useJudgementsStore } from './judgements'
import { useSettingsStore } from './settings'

/** A unit's 自评表 of the year, as its own pages compute them (at its latest month), and its review. */
export interface UnitAssessed {
  forms: AssessmentForm[]
  review: UnitReview
}

/**
 * The bureau's year-end view of every unit: each unit's 自评 computed from its data and its own judgements with the
 * scoring settings (never a total copied from elsewhere), the bureau's 抽评 beside it, and 结果应用.
 */
export const useBureauReviewStore = defineStore('bureauReview', () => {
  const bureau = useBureauStore()
  const settings = useSettingsStore()
  const judgements = useJudgementsStore()

  const assessed = computed(() => {
    const year = bureau.year
    const out = new Map<string, UnitAssessed>()
    if (year === null) return out
    const gradeOf = (total: number) => grade(total, settings.scoring)
    for (const u of bureau.atLatestMonth.values()) {
      const j = judgementsOf(u.org, year)
      const { forms } = assessDepartment({ ...u, year }, settings.scoring, settings.monitor, j)
      out.set(u.org, { forms, review: unitReview(forms, j.spotChecks, gradeOf) })
    }
    return out
  })
  const judgementsOf = (org: string, year: number) => judgements.judgementsOf({ org, year })

  /** Every project of every unit on the bureau page, for the 自评汇总 and 抽评差异 sheets. */
  const projectLines = computed<ProjectAssessmentLine[]>(() => {
    const year = bureau.year
    if (year === null) return []
    return bureau.rows.flatMap((row) => {
      const forms = assessed.value.get(row.org)?.forms ?? []
      const spot = judgementsOf(row.org, year).spotChecks
      return forms.map((f) => ({
        unit: row.name, code: f.project.code, name: f.project.name, budget: f.execution.budget, spent: f.execution.spent,
        rate: f.execution.rate, total: f.total, grade: f.grade, spotCheck: spotCheckTotal(f, spot),
      }))
    })
  })

  return { assessed, projectLines }
})
