import type { MessageTree } from '../catalogue'

// 上年同期 and 同比, the way statistical bulletins write them: 同比增长 16.25%, 较上年同期提高 1.20 个百分点.
export default {
  lastYear: { zh: '上年同期', en: 'Same period last year' },
  yoy: { zh: '同比', en: 'Year on year' },
  up: { zh: '同比增长 {pct}', en: 'up {pct} year on year' },
  down: { zh: '同比下降 {pct}', en: 'down {pct} year on year' },
  flat: { zh: '同比持平', en: 'level with last year' },
  pointsUp: { zh: '较上年同期提高 {points} 个百分点', en: '{points} pts above last year' },
  pointsDown: { zh: '较上年同期回落 {points} 个百分点', en: '{points} pts below last year' },
  pointsFlat: { zh: '与上年同期持平', en: 'level with last year' },
  none: { zh: '无上年同期数据', en: 'no figure for last year' },
  zero: { zh: '上年同期为0', en: 'last year was 0' },
  /** the figure last year, with the month when this year's figure is from an earlier one */
  lastYearValue: { zh: '上年同期 {value}', en: 'last year {value}' },
  lastYearRate: { zh: '上年同期执行率', en: 'Rate last year' },
  /** 上年同期 13 个，同比增长 15.38% */
  lastYearAnd: { zh: '上年同期 {value}，{change}', en: 'last year {value}, {change}' },
  year: { zh: '年度', en: 'Year' },
  unit: { zh: '单位', en: 'Unit' },
  awaitingTargets: {
    zh: '{year}年的绩效目标尚未载入：已有完成值或支出数据，载入该年度的指标、项目文件后才能计算完成率、序时进度和预警。',
    en: 'The targets of {year} are not loaded yet: actuals or spending are in, but completion, pace and lights need the year’s indicator and project files.',
  },
  awaitingTargetsLink: { zh: '前往数据页载入', en: 'Load them on the data page' },
  otherYears: { zh: '其他年度：', en: 'Other years: ' },
  /** the indicator page: which of last year's indicators this one is compared with */
  matchedWith: { zh: '对应{year}年指标：{id} {name}', en: 'Compared with {year}: {id} {name}' },
  unmatched: { zh: '{year}年没有对应的指标，无上年同期数据', en: 'No indicator of {year} matches this one: no figure for last year' },
  unlinked: { zh: '已人工取消与{year}年指标的对应，无上年同期数据', en: 'Unlinked by hand from {year}: no figure for last year' },
  noLastYear: { zh: '未载入{year}年的数据，无上年同期数据', en: 'No data of {year} loaded: no figure for last year' },
  editLink: { zh: '修改对应关系', en: 'Change the link' },
  /** the page that lists every link (#/links) */
  links: {
    title: { zh: '上年指标对应关系（{year}年 ↔ {lastYear}年）', en: 'Indicators matched with last year ({year} ↔ {lastYear})' },
    lede: {
      zh: '同比按对应的上年指标计算：人工指定的优先，其次指标编码相同，再次所属和三级指标名称相同。修改后点“检查并预览”，与上传文件一样校验、预览、应用，应用后可撤销；对应关系随“全部导出”写入 indicator_links.csv。',
      en: 'Year-on-year figures use the matched indicator of last year: a link made by hand first, then the same id, then the same scope and name. After changing, check and preview: the links are validated, previewed and applied like an uploaded file, can be undone, and are exported as indicator_links.csv.',
    },
    counterpart: { zh: '对应的{year}年指标', en: 'Matched indicator of {year}' },
    how: { zh: '对应方式', en: 'How' },
    none: { zh: '无对应', en: 'none' },
    removed: { zh: '已人工取消对应', en: 'unlinked by hand' },
    changed: { zh: '已修改，待保存', en: 'changed, not saved' },
    noneOption: { zh: '（无对应的上年指标）', en: '(no indicator of last year)' },
    takenBy: { zh: '（现对应 {id}）', en: '(now with {id})' },
    unmatched: { zh: '{year}年未被对应的指标（{n}项）', en: 'Indicators of {year} not matched ({n})' },
    check: { zh: '检查并预览（{n}处修改）', en: 'Check and preview ({n} changed)' },
    discard: { zh: '放弃修改', en: 'Discard changes' },
    saved: { zh: '已保存为一次上传，可在此或数据页撤销。', en: 'Saved as an upload: undo it here or on the data page.' },
    undo: { zh: '撤销', en: 'Undo' },
    done: { zh: '完成', en: 'Done' },
  },
  matchedBy: {
    code: { zh: '按指标编码对应', en: 'matched by id' },
    name: { zh: '按所属和指标名称对应', en: 'matched by scope and name' },
    manual: { zh: '人工指定对应', en: 'linked by hand' },
  },
} as const satisfies MessageTree
