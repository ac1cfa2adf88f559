import type { MessageTree } from '../catalogue'

export default {
  staleSnapshot: { zh: '数据文件已更新，预计算快照已过期，图表按当前文件计算', en: 'Data files changed since the shipped snapshot; figures computed from the current files' },
  staleSnapshotHint: {
    zh: '替换 data/ 中的文件后运行 npm run cli -- snapshot <数据文件夹>，首次打开即可立即显示。',
    en: 'After replacing files in data/, run npm run cli -- snapshot <data folder> so a cold browser shows figures at once.',
  },
  appName: { zh: '绩效看板', en: 'Jixiao Board' },
  nav: {
    overview: { zh: '总览', en: 'Overview' },
    spending: { zh: '资金支出', en: 'Spending' },
    data: { zh: '数据', en: 'Data' },
    entry: { zh: '填报', en: 'Entry' },
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
  /** what is still sample: kinds of file, last year's with its year (src/i18n/describeSample.ts) */
  sampleOf: { zh: '示例数据：{what}', en: 'Sample data: {what}' },
  sampleInYear: { zh: '{year}年{what}', en: '{year}: {what}' },
  sampleAll: { zh: '全部', en: 'all files' },
  fileKind: {
    indicators: { zh: '指标', en: 'indicators' },
    projects: { zh: '项目', en: 'projects' },
    spending_plan: { zh: '支出计划', en: 'spending plan' },
    actuals: { zh: '完成值', en: 'actuals' },
    spending: { zh: '支出', en: 'spending' },
    ledger: { zh: '支付明细', en: 'payment ledger' },
    links: { zh: '指标对应关系', en: 'indicator links' },
  },
  sampleHint: {
    zh: '这些文件为示例数据，并非该单位的真实数字；在数据页上传本单位的文件即可替换。',
    en: 'These files are sample data, not the unit’s real figures; upload the unit’s own files on the data page to replace them.',
  },
  loading: { zh: '正在启动 DuckDB 并载入数据…', en: 'Starting DuckDB and loading data…' },
  loadError: { zh: '数据载入失败：{title}', en: 'The data could not be loaded: {title}' },
  /** what failed when the data could not be loaded (App.vue) */
  loadStage: {
    data: { zh: '无法读取部署的数据文件夹（data/）', en: 'the deployed data folder (data/) could not be read' },
    batches: { zh: '无法读取浏览器中保存的上传批次（IndexedDB）', en: 'the uploads kept in this browser (IndexedDB) could not be read' },
    engine: { zh: 'DuckDB 未能启动', en: 'DuckDB did not start' },
    build: { zh: '载入数据时出错', en: 'building the tables failed' },
  },
  recovery: {
    deployedFile: {
      zh: '出错的是部署的数据文件，请更正该文件后刷新页面。',
      en: 'The problem is in a deployed data file: correct that file and reload the page.',
    },
    stored: {
      zh: '浏览器中保存了 {n} 个上传批次。可先导出保存，再恢复为部署的默认数据。',
      en: 'This browser keeps {n} uploaded batch(es). Export them first, then restore the deployed default data.',
    },
    nothingStored: { zh: '浏览器中没有保存上传批次。', en: 'This browser keeps no uploaded batches.' },
    export: { zh: '导出已保存的数据', en: 'Export what is stored' },
    restore: { zh: '恢复默认数据', en: 'Restore default data' },
    confirm: {
      zh: '将删除浏览器中保存的 {n} 个上传批次，恢复为部署的默认数据；设置和已填写的评价保留。删除后无法找回，建议先导出。确定吗？',
      en: 'This deletes the {n} uploaded batch(es) kept in this browser and restores the deployed default data; settings and judgements stay. It cannot be undone: export first. Continue?',
    },
    detail: { zh: '技术信息', en: 'Technical details' },
  },
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
