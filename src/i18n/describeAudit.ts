// The indicator quality audit's findings in sentences: what is wrong, and how to write it instead.
import type { Finding, FindingKind } from '@/domain/audit'
import { text } from './catalogue'
import { formatValue } from './format'
import type { Lang } from './lang'

export const findingKindLabel = (kind: FindingKind, lang: Lang) => text(lang, `assessment.audit.kind.${kind}`)
export const severityLabel = (severity: Finding['severity'], lang: Lang) => text(lang, `assessment.audit.severity.${severity}`)

/** The project's name, or 部门整体目标. */
const owner = (f: Finding, lang: Lang) => f.projectName ?? text(lang, 'assessment.audit.owner')

export function findingMessage(f: Finding, lang: Lang): string {
  const label = text(lang, 'assessment.audit.label', { name: f.indicatorName ?? '', owner: owner(f, lang) })
  const project = owner(f, lang)
  switch (f.kind) {
    case 'empty':
    case 'satisfaction-without-method':
    case 'default-100-quality':
      return text(lang, `assessment.audit.message.${f.kind}`, { label })
    case 'unmeasurable': {
      const why = f.repeats === 'name' ? text(lang, 'assessment.audit.message.repeatsName') : f.repeats === 'basis' ? text(lang, 'assessment.audit.message.repeatsBasis') : ''
      return text(lang, 'assessment.audit.message.unmeasurable', { label, text: f.text, why })
    }
    case 'unreadable':
    case 'implausible':
    case 'missing-unit':
    case 'missing-direction':
      return text(lang, `assessment.audit.message.${f.kind}`, { label, text: f.text })
    case 'execution-rate-as-output':
      return text(lang, 'assessment.audit.message.execution-rate-as-output', { label, points: f.executionPoints })
    case 'weights-not-100':
      return f.unweighted > 0
        ? text(lang, 'assessment.audit.message.unweighted', { project, n: f.unweighted })
        : text(lang, 'assessment.audit.message.weights-not-100', { project, sum: f.sum, expected: f.expected, execution: f.weights.execution })
    case 'plan-not-100':
      return text(lang, 'assessment.audit.message.plan-not-100', { project, sum: f.sum })
    case 'loose-target':
      return text(lang, `assessment.audit.message.loose-target.${f.direction === '≥' ? 'below' : 'above'}`, {
        label,
        target: formatValue(f.target, f.unit),
        source: text(lang, `assessment.audit.source.${f.source}`),
        reference: formatValue(f.reference, f.unit),
      })
  }
}

export function findingSuggestion(f: Finding, lang: Lang): string {
  switch (f.kind) {
    case 'empty':
    case 'unmeasurable':
      return text(lang, `assessment.audit.example.${f.example}`)
    case 'unreadable':
    case 'implausible':
    case 'satisfaction-without-method':
    case 'execution-rate-as-output':
    case 'default-100-quality':
    case 'plan-not-100':
      return text(lang, `assessment.audit.suggest.${f.kind}`)
    case 'missing-unit':
      return text(lang, 'assessment.audit.suggest.missing-unit', { text: f.text })
    case 'missing-direction':
      return text(lang, 'assessment.audit.suggest.missing-direction', { target: `${f.value ?? 'N'}${f.unit ?? ''}` })
    case 'weights-not-100':
      return text(lang, 'assessment.audit.suggest.weights-not-100', { expected: f.expected, ...f.weights })
    case 'loose-target':
      return text(lang, `assessment.audit.suggest.loose-target.${f.direction === '≥' ? 'atLeast' : 'atMost'}`, {
        source: text(lang, `assessment.audit.source.${f.source}`),
        reference: `${f.direction}${formatValue(f.reference, f.unit).replace(' ', '')}`,
      })
  }
}
