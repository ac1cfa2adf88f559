// The sentences for files that are not what they claim to be, and for what a workbook reader finds: one place, keyed
// by code, Chinese first, so that the i18n layer can reword them without touching the readers.
import { columnLetter, type SkippedSheet } from './sheetGrid'
import type { SniffCode } from './sniff'

type Lang = 'zh' | 'en'

export type WorkbookRule =
  | 'unreadable'
  | 'no-sheets'
  | 'no-tables'
  | 'cell-error'
  | 'formula-no-result'
  | 'form-label-missing'
  | 'form-value-missing'
  | 'form-number'
  | 'form-amount-unit'
  | 'plan-period'
  | 'plan-share'
  | 'plan-total'
  | 'indicator-table-missing'
  | 'indicator-name-missing'
  | 'indicator-target-missing'
  | 'indicator-level-missing'

/** A problem in a workbook, at the sheet, row and column Excel shows (1-based; null when it has no place). */
export interface WorkbookProblem {
  rule: WorkbookRule
  sheet: string | null
  row: number | null
  column: number | null
  /** The header or form label the cell belongs to (三级指标, 预算数 …). */
  label?: string
  /** The cell's content or what the rule needs to say (#DIV/0!, the formula, the plan's total). */
  value?: string
}

// ——— files that are no spreadsheet ———

interface SniffWording {
  /** Extensions a file of this kind normally has: another one means it was renamed. */
  extensions: string[]
  zh: { what: string; todo: string }
  en: { what: string; todo: string }
}

const SAVE_AS = { zh: '请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再上传。', en: 'open it in Excel or WPS, save it as .xlsx or CSV (UTF-8) and upload that.' }
const NOT_A_TABLE = { zh: '不是表格：请上传 .xlsx 或 CSV 文件。', en: 'not a table: upload an .xlsx or CSV file.' }
const COPY_TABLE = {
  zh: '不是表格：请把其中的表格复制到 Excel 或 WPS 表格，另存为 .xlsx 或 CSV 后再上传。',
  en: 'not a spreadsheet: copy its table into Excel or WPS, save that as .xlsx or CSV and upload it.',
}

const SNIFF_WORDING: Record<Exclude<SniffCode, 'xlsx' | 'text'>, SniffWording> = {
  empty: { extensions: [], zh: { what: '空文件（0 字节）', todo: '请重新导出后再上传。' }, en: { what: 'an empty file (0 bytes)', todo: 'export it again.' } },
  xls: {
    extensions: ['xls', 'xlt'],
    zh: { what: '旧版 Excel 97-2003 工作簿（.xls）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'an old Excel 97-2003 workbook (.xls)', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  et: {
    extensions: ['et', 'ett'],
    zh: { what: 'WPS 表格文件（.et）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'a WPS spreadsheet (.et)', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  doc: { extensions: ['doc', 'wps'], zh: { what: 'Word 文档（.doc）', todo: COPY_TABLE.zh }, en: { what: 'a Word document (.doc)', todo: COPY_TABLE.en } },
  docx: { extensions: ['docx'], zh: { what: 'Word 文档（.docx）', todo: COPY_TABLE.zh }, en: { what: 'a Word document (.docx)', todo: COPY_TABLE.en } },
  encrypted: {
    extensions: ['xlsx', 'xls', 'et', 'docx', 'doc'],
    zh: { what: '设置了打开密码的加密文件', todo: '本系统无法读取：请在 Excel 或 WPS 中取消打开密码，另存为 .xlsx 或 CSV 后再上传。' },
    en: { what: 'a password-protected (encrypted) file', todo: 'which this app cannot read: remove the password in Excel or WPS, save as .xlsx or CSV and upload that.' },
  },
  ole: {
    extensions: [],
    zh: { what: '旧版 Office 格式的文件（复合文档）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'a file in an old Office binary format', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  xlsb: {
    extensions: ['xlsb'],
    zh: { what: 'Excel 二进制工作簿（.xlsb）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'an Excel binary workbook (.xlsb)', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  ods: {
    extensions: ['ods'],
    zh: { what: 'OpenDocument 电子表格（.ods）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'an OpenDocument spreadsheet (.ods)', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  zip: {
    extensions: ['zip'],
    zh: { what: '压缩包（ZIP）', todo: '不是表格：请解压后上传其中的 .xlsx 或 CSV 文件。' },
    en: { what: 'a zip archive', todo: 'not a table: unpack it and upload the .xlsx or CSV files inside.' },
  },
  png: { extensions: ['png'], zh: { what: 'PNG 图片', todo: NOT_A_TABLE.zh }, en: { what: 'a PNG image', todo: NOT_A_TABLE.en } },
  jpeg: { extensions: ['jpg', 'jpeg'], zh: { what: 'JPEG 图片', todo: NOT_A_TABLE.zh }, en: { what: 'a JPEG image', todo: NOT_A_TABLE.en } },
  pdf: {
    extensions: ['pdf'],
    zh: { what: 'PDF 文件', todo: '本系统无法从中读取表格：请上传原始的 .xlsx 或 CSV 文件。' },
    en: { what: 'a PDF file', todo: 'tables cannot be read from it: upload the original .xlsx or CSV file.' },
  },
  utf16le: {
    extensions: ['txt', 'csv'],
    zh: { what: 'UTF-16 编码的文本（Excel"Unicode 文本"格式）', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'UTF-16 text (Excel\'s "Unicode Text")', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  utf16be: {
    extensions: ['txt', 'csv'],
    zh: { what: 'UTF-16（大端）编码的文本', todo: `本系统无法读取：${SAVE_AS.zh}` },
    en: { what: 'UTF-16 (big-endian) text', todo: `which this app cannot read: ${SAVE_AS.en}` },
  },
  binary: {
    extensions: [],
    zh: { what: '二进制文件，不是文本或 Excel 工作簿', todo: '无法读取：请上传 .xlsx 或 CSV 文件。' },
    en: { what: 'a binary file, neither text nor an Excel workbook', todo: 'it cannot be read: upload an .xlsx or CSV file.' },
  },
}

/**
 * What the file is and what to do, naming the file; when its extension says otherwise (a PNG named .xlsx), the
 * sentence says so. Null for the kinds that are read (xlsx, text).
 */
export function describeSniff(code: SniffCode, fileName: string, lang: Lang = 'zh'): string | null {
  if (code === 'xlsx' || code === 'text') return null
  const wording = SNIFF_WORDING[code]
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  const renamed = extension !== undefined && wording.extensions.length > 0 && !wording.extensions.includes(extension)
  const { what, todo } = wording[lang]
  if (lang === 'en') {
    return renamed
      ? `"${fileName}" is named .${extension} but is ${what}, ${todo}`
      : `"${fileName}" is ${what}, ${todo}`
  }
  const is = /^[A-Za-z0-9]/.test(what) ? '是 ' : '是'
  return renamed ? `「${fileName}」扩展名为 .${extension}，但实际上${is}${what}，${todo}` : `「${fileName}」${is}${what}，${todo}`
}

// ——— what the workbook reader finds ———

function place(p: WorkbookProblem, lang: Lang): string {
  const cell = p.column === null ? '' : lang === 'zh' ? ` ${columnLetter(p.column)}列` : `, column ${columnLetter(p.column)}`
  const label = p.label && p.column !== null ? (lang === 'zh' ? `（${p.label}）` : ` (${p.label})`) : ''
  if (lang === 'en') return `Sheet "${p.sheet}"${p.row === null ? '' : `, row ${p.row}`}${cell}${label}`
  return `工作表「${p.sheet}」${p.row === null ? '' : `第${p.row}行`}${cell}${label}`
}

export function describeWorkbookProblem(p: WorkbookProblem, lang: Lang = 'zh'): string {
  const at = place(p, lang)
  const v = p.value ?? ''
  const label = p.label ?? ''
  if (lang === 'en') {
    switch (p.rule) {
      case 'unreadable': return 'The file cannot be read as an Excel workbook (.xlsx): it may be damaged or cut short. Open it in Excel or WPS, save it as .xlsx and upload that.'
      case 'no-sheets': return 'The workbook has no sheet to read: every sheet is hidden or empty.'
      case 'no-tables': return 'No sheet of the workbook has the headers of a file this app reads: download a template to see the expected columns.'
      case 'cell-error': return `${at}: the error value ${v}; correct the formula or the data in Excel or WPS first.`
      case 'formula-no-result': return `${at}: the formula ${v} was saved without its result (the file was written by a program and never saved in Excel); open and save it in Excel or WPS first.`
      case 'form-label-missing': return `${at}: the performance target form has no "${label}".`
      case 'form-value-missing': return `${at}: "${label}" is empty, but required.`
      case 'form-number': return `${at}: "${v}" is not a number: write it in digits, e.g. 500.00.`
      case 'form-amount-unit': return `${at}: amounts are in "${v}"; this app reads 万元: convert the amounts to 万元 and write 单位：万元.`
      case 'plan-period': return `${at}: the spending plan period "${v}" is not understood; write 3月底, 6月底 ….`
      case 'plan-share': return `${at}: the spending plan share "${v}" is not a number: write it as 30 or 30%.`
      case 'plan-total': return `${at}: the spending plan shares add up to ${v}%, not 100%.`
      case 'indicator-table-missing': return `${at}: no indicator table (一级指标, 二级指标, 三级指标, 指标值) was found.`
      case 'indicator-name-missing': return `${at}: 三级指标 is empty, though 指标值 "${v}" is filled in.`
      case 'indicator-target-missing': return `${at}: the indicator "${v}" has no 指标值.`
      case 'indicator-level-missing': return `${at}: ${label} is empty and there is no value above it to carry down.`
    }
  }
  switch (p.rule) {
    case 'unreadable': return '无法按 Excel 工作簿（.xlsx）读取该文件：文件可能已损坏或不完整。请在 Excel 或 WPS 中打开后另存为 .xlsx 再上传。'
    case 'no-sheets': return '工作簿中没有可读取的工作表（全部是隐藏的或空的）。'
    case 'no-tables': return '工作簿中没有可识别的工作表：各工作表的表头都不是本系统的文件类型，请下载模板核对列名。'
    case 'cell-error': return `${at} 是错误值 ${v}，请先在 Excel 或 WPS 中改正公式或数据后再上传。`
    case 'formula-no-result': return `${at} 的公式 ${v} 没有保存计算结果（文件由程序生成、未在 Excel 中保存过），请在 Excel 或 WPS 中打开并保存后再上传。`
    case 'form-label-missing': return `${at}的绩效目标表中找不到"${label}"一栏。`
    case 'form-value-missing': return `${at} 为空，此项必填。`
    case 'form-number': return `${at} "${v}" 不是数字，请写成阿拉伯数字，如 500.00。`
    case 'form-amount-unit': return `${at} 金额单位为"${v}"，本系统按万元读取：请把金额换算为万元并写明"单位：万元"后再上传。`
    case 'plan-period': return `${at} 资金支出计划的时间"${v}"无法识别，请写成"3月底""6月底"等。`
    case 'plan-share': return `${at} 资金支出计划比例 "${v}" 不是数字，请写成 30 或 30%。`
    case 'plan-total': return `${at} 资金支出计划各期比例合计为 ${v}%，应为 100%。`
    case 'indicator-table-missing': return `${at}中找不到绩效指标表（一级指标、二级指标、三级指标、指标值）。`
    case 'indicator-name-missing': return `${at} 三级指标为空，但填写了指标值 "${v}"。`
    case 'indicator-target-missing': return `${at} 指标"${v}"的指标值为空。`
    case 'indicator-level-missing': return `${at} 为空，上方也没有可沿用的${label}。`
  }
}

export function describeSkippedSheet(s: SkippedSheet, lang: Lang = 'zh'): string {
  const headers = (s.headers ?? []).slice(0, 6).join(lang === 'zh' ? '、' : ', ')
  if (lang === 'en') {
    if (s.reason === 'unrecognised') return `Sheet "${s.sheet}" is not one of the app's tables (its headers: ${headers}) and was not read.`
    return s.reason === 'hidden' ? `Sheet "${s.sheet}" is hidden and was not read.` : `Sheet "${s.sheet}" is empty and was skipped.`
  }
  if (s.reason === 'unrecognised') return `工作表「${s.sheet}」不是本系统的数据表（表头：${headers}），未读取。`
  return s.reason === 'hidden' ? `工作表「${s.sheet}」是隐藏的，未读取。` : `工作表「${s.sheet}」是空的，已跳过。`
}
