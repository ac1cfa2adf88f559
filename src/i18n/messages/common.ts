import type { MessageTree } from '../catalogue'

export default {
  appName: { zh: '绩效看板', en: 'Jixiao Board' },
  nav: {
    overview: { zh: '总览', en: 'Overview' },
    spending: { zh: '资金支出', en: 'Spending' },
    data: { zh: '数据', en: 'Data' },
    assessment: { zh: '绩效自评', en: 'Self-assessment' },
    screen: { zh: '大屏', en: 'Big screen' },
    settings: { zh: '设置', en: 'Settings' },
  },
  year: { zh: '{year}年', en: '{year}' },
  asOf: { zh: '数据截至', en: 'Data as of' },
  /** `month` is a month name (common.month) */
  monthEnd: { zh: '{month}底', en: 'end of {month}' },
  latest: { zh: '{label}（最新）', en: '{label} (latest)' },
  month: {
    jan: { zh: '1月', en: 'Jan' },
    feb: { zh: '2月', en: 'Feb' },
    mar: { zh: '3月', en: 'Mar' },
    apr: { zh: '4月', en: 'Apr' },
    may: { zh: '5月', en: 'May' },
    jun: { zh: '6月', en: 'Jun' },
    jul: { zh: '7月', en: 'Jul' },
    aug: { zh: '8月', en: 'Aug' },
    sep: { zh: '9月', en: 'Sep' },
    oct: { zh: '10月', en: 'Oct' },
    nov: { zh: '11月', en: 'Nov' },
    dec: { zh: '12月', en: 'Dec' },
  },
  /** months 1 to `month`, `month` a month name */
  monthRange: { zh: '1–{month}', en: 'Jan–{month}' },
  sample: { zh: '示例数据', en: 'Sample data' },
  /** the header's badge: what of the year on screen is still sample */
  sampleOf: { zh: '示例数据：{names}', en: 'Sample: {names}' },
  sampleHint: {
    zh: '这些文件为示例数据，并非该单位的真实数字；在数据页上传本单位的文件即可替换。',
    en: 'These files are sample data, not the unit’s real figures; upload the unit’s own files on the data page to replace them.',
  },
  loading: { zh: '正在启动 DuckDB 并载入数据…', en: 'Starting DuckDB and loading data…' },
  loadError: { zh: '数据载入失败：{title}', en: 'The data could not be loaded: {title}' },
  noData: { zh: '暂无完成数据', en: 'No actuals yet' },
  language: { zh: 'English', en: '中文' },
  /** a label and its value on one line: 目标：20个以上 */
  labelled: { zh: '{label}：{value}', en: '{label}: {value}' },
  /** English sets a space before the bracket; Chinese brackets carry their own */
  inParens: { zh: '（{text}）', en: ' ({text})' },
  /** a remark after a value: 完全不可能（人工确认） */
  withNote: { zh: '{text}（{note}）', en: '{text} ({note})' },
  /** items of a list in a sentence */
  listSeparator: { zh: '；', en: '; ' },
  /** names enumerated in a sentence: 投资额、财税收入 */
  enumSeparator: { zh: '、', en: ', ' },
  light: {
    red: { zh: '红灯', en: 'Red' },
    yellow: { zh: '黄灯', en: 'Yellow' },
    green: { zh: '绿灯', en: 'Green' },
    blue: { zh: '蓝灯（超额）', en: 'Blue (ahead)' },
    none: { zh: '无数据', en: 'No data' },
  },
  /** 完成情况 of a qualitative indicator, as the data write it */
  status: {
    达成: { zh: '达成', en: 'Achieved' },
    部分达成: { zh: '部分达成', en: 'Partly achieved' },
    未达成: { zh: '未达成', en: 'Not achieved' },
  },
  /** the three bands of a judged indicator as the 自评表 names them */
  band: {
    达成: { zh: '达成年度指标', en: 'Achieved the annual target' },
    部分达成: { zh: '部分达成并具有一定效果', en: 'Partly achieved, with some effect' },
    未达成: { zh: '未达成且效果较差', en: 'Not achieved, little effect' },
  },
  grade: {
    优: { zh: '优', en: 'Excellent' },
    良: { zh: '良', en: 'Good' },
    中: { zh: '中', en: 'Fair' },
    差: { zh: '差', en: 'Poor' },
  },
  likelihood: {
    确定能: { zh: '确定能', en: 'Certain' },
    有可能: { zh: '有可能', en: 'Possible' },
    完全不可能: { zh: '完全不可能', en: 'Impossible' },
  },
} as const satisfies MessageTree
