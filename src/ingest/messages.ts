import type { RowProblem } from '@/engine/sql/ingest'
import type { FileProblem, StagedFile } from './stageFile'

type Lang = 'zh' | 'en'

export function columnLabel(staged: Pick<StagedFile, 'spec'>, key: string, lang: Lang): string {
  if (key.includes('+')) {
    return key
      .split('+')
      .map((k) => columnLabel(staged, k.replace(/_(year|month)$/, ''), lang))
      .filter((x, i, all) => all.indexOf(x) === i)
      .join('+')
  }
  const column = staged.spec?.columns.find((c) => c.key === key)
  if (!column) return key
  return lang === 'zh' ? column.zh : column.key
}

/** One sentence a clerk understands, with the line (header = 第1行) and the column. */
export function describeProblem(staged: Pick<StagedFile, 'spec'>, p: RowProblem, lang: Lang = 'zh'): string {
  const col = columnLabel(staged, p.key, lang)
  const v = p.value ?? ''
  // unit-mismatch: detail is `指标编码|三级指标|目标单位`
  const [unitId = '', unitName = '', targetUnit = ''] = (p.detail ?? '').split('|')
  if (lang === 'en') {
    const at = `Line ${p.line}, ${col}`
    switch (p.rule) {
      case 'required': return `${at}: empty, but required.`
      case 'number': return `${at}: "${v}" is not a number: write it in digits, e.g. 100, 1,200.50 or 12.5%.`
      case 'integer': return `${at}: "${v}" is not a whole number: write it in digits, e.g. ${p.key === 'year' ? '2024' : '6'}.`
      case 'month': return `${at}: "${v}" is not a valid month (write 2024-07, 2024/7 or 2024年7月).`
      case 'date': return `${at}: "${v}" is not a valid date (write 2024-07-15 or 2024/7/15).`
      case 'duplicate': return `${at}: duplicate ${col} (${v}), already on line ${p.detail}.`
      case 'unknown-id': return `${at}: unknown indicator id "${v}".`
      case 'unknown-project': return `${at}: unknown project code "${v}".`
      case 'unknown-scope': return `${at}: "${v}" is neither 部门 nor a known project code.`
      case 'unit-mismatch': return `${at}: "${v}" cannot be converted to the unit of indicator ${unitId} (${unitName}), ${targetUnit || '(none)'}.`
      case 'basis': return `${at}: "${v}" must be 累计 or 当月.`
      case 'status': return `${at}: "${v}" must be 达成, 部分达成 or 未达成.`
      case 'value-missing': return `${at}: a quantitative indicator needs a value.`
      case 'status-missing': return `${at}: a qualitative indicator needs 完成情况 (达成 / 部分达成 / 未达成).`
      case 'direction': return `${at}: "${v}" must be ≥, ≤, = or 定性.`
      case 'measure': return `${at}: "${v}" must be 累计 or 时点.`
      case 'plan-month': return `${at}: month "${v}" must be between 1 and 12.`
      case 'negative': return `${at}: "${v}" must not be negative.`
      case 'year-range': return `${at}: "${v}" is not a year (write 2024).`
      case 'year-mismatch': return `${at}: month "${v}" is not in the row's year ${p.detail}.`
      case 'stray-year': return `${at}: month "${v}" is not in ${p.detail}, the year of the file's other rows. Add a 年度 column if the file really covers several years.`
      case 'unknown-last-year-id': return `${at}: last year has no indicator "${v}".`
      default: return `${at}: "${v}" (${p.rule}).`
    }
  }
  const at = `第${p.line}行 ${col}`
  switch (p.rule) {
    case 'required': return `${at} 为空，此列必填。`
    case 'number': return `${at} "${v}" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。`
    case 'integer': return `${at} "${v}" 不是整数，请写成阿拉伯数字，如 ${p.key === 'year' ? '2024' : '6'}。`
    case 'month': return `${at} "${v}" 无效，请写成 2024-07、2024/7 或 2024年7月。`
    case 'date': return `${at} "${v}" 不是有效日期，请写成 2024-07-15 或 2024/7/15。`
    case 'duplicate': return `${at} 重复的 ${col}（${v}），与第${p.detail}行重复。`
    case 'unknown-id': return `${at} 未知的指标编码 "${v}"。`
    case 'unknown-project': return `${at} 未知的项目编码 "${v}"。`
    case 'unknown-scope': return `${at} "${v}" 既不是"部门"，也不是已有的项目编码。`
    case 'unit-mismatch': return `${at} "${v}" 无法换算为指标 ${unitId}（${unitName}）的单位 ${targetUnit || '（无单位）'}。`
    case 'basis': return `${at} "${v}" 应为"累计"或"当月"。`
    case 'status': return `${at} "${v}" 应为"达成""部分达成"或"未达成"。`
    case 'value-missing': return `${at} 定量指标须填写完成值。`
    case 'status-missing': return `${at} 定性指标须填写完成情况（达成 / 部分达成 / 未达成）。`
    case 'direction': return `${at} "${v}" 应为 ≥、≤、= 或 定性。`
    case 'measure': return `${at} "${v}" 应为"累计"或"时点"。`
    case 'plan-month': return `${at} 月份 "${v}" 应在 1 到 12 之间。`
    case 'negative': return `${at} "${v}" 不能为负数。`
    case 'year-range': return `${at} "${v}" 不是年度，请写成 2024。`
    case 'year-mismatch': return `${at} 月份 "${v}" 不在该行的年度 ${p.detail} 年内。`
    case 'stray-year': return `${at} 月份 "${v}" 不在 ${p.detail} 年内，与文件其余各行不是同一年度；如文件确实包含多个年度，请加“年度”列。`
    case 'unknown-last-year-id': return `${at} 上年没有指标编码 "${v}"。`
    default: return `${at} "${v}"（${p.rule}）。`
  }
}

export function describeFileProblem(p: FileProblem, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    switch (p.rule) {
      case 'empty': return 'The file has no data rows.'
      case 'unreadable': return 'The file cannot be read as CSV (comma-separated text): open it in Excel or WPS, save it as .xlsx or as "CSV UTF-8 (Comma delimited)" and upload that.'
      case 'unknown-kind': return `Unrecognised headers (${p.detail}): download a template to see the expected columns.`
      case 'missing-columns': return `Required columns missing: ${p.detail}.`
      case 'wrong-kind': return `This is not the expected kind of file: ${p.detail}.`
      case 'no-year': return 'The file names no year: add a 年度 column, or pick the year on the data page before uploading.'
    }
  }
  switch (p.rule) {
    case 'empty': return '文件中没有数据行。'
    case 'unreadable': return '无法按 CSV（逗号分隔的文本）读取该文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再上传。'
    case 'unknown-kind': return `无法识别表头（${p.detail}），请下载模板核对列名。`
    case 'missing-columns': return `缺少必填列：${p.detail}。`
    case 'wrong-kind': return `文件类型不符：${p.detail}。`
    case 'no-year': return '文件未写明年度：请加“年度”列，或在数据页选择导入年度后再上传。'
  }
}
