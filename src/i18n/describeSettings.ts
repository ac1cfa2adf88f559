import type { SettingsProblem } from '@/domain/settingsChecks'
import { text } from './catalogue'
import type { Lang } from './lang'

/** Why a setting was refused, quoting the figures: 红灯线（90%）须低于黄灯线（80%），修改未生效。 */
export function describeSettingsProblem(p: SettingsProblem, lang: Lang): string {
  switch (p.key) {
    case 'notNumber':
    case 'paceRatioAboveOne':
    case 'weightsNegative':
    case 'bandsOverlap':
      return text(lang, `monitor.settings.problem.${p.key}`)
    case 'positive':
    case 'toleranceRange':
    case 'markAbove100':
    case 'reasonBelowRange':
      return text(lang, `monitor.settings.problem.${p.key}`, p.params)
    case 'redBelowYellow':
      return text(lang, 'monitor.settings.problem.redBelowYellow', p.params)
    case 'yellowBelowBlue':
      return text(lang, 'monitor.settings.problem.yellowBelowBlue', p.params)
    case 'blueAbove100':
      return text(lang, 'monitor.settings.problem.blueAbove100', p.params)
    case 'likelihoodOrder':
      return text(lang, 'monitor.settings.problem.likelihoodOrder', p.params)
    case 'weightsSum':
      return text(lang, 'monitor.settings.problem.weightsSum', p.params)
    case 'gradesOrder':
      return text(lang, 'monitor.settings.problem.gradesOrder', p.params)
    case 'budgetUseEmpty':
      return text(lang, 'monitor.settings.problem.budgetUseEmpty', { grade: text(lang, `common.grade.${p.params.grade}`) })
    case 'budgetUseLong':
      return text(lang, 'monitor.settings.problem.budgetUseLong', { ...p.params, grade: text(lang, `common.grade.${p.params.grade}`) })
    case 'bandRange':
      return text(lang, 'monitor.settings.problem.bandRange', { ...p.params, band: text(lang, `common.status.${p.params.band}`) })
  }
}
