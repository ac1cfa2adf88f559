import type { MessageTree } from '../catalogue'

export default {
  title: { zh: '绩效目标执行监控', en: 'Performance targets monitor' },
  /** `month` is a month name (common.month) */
  asOf: { zh: '数据截至 {year}年{month}', en: 'Data as of {month} {year}' },
  noAsOf: { zh: '暂无完成数据', en: 'No actuals yet' },
  year: { zh: '{year}年度', en: '{year}' },
  paused: { zh: '已暂停', en: 'Paused' },
  updatedAt: { zh: '数据更新于 {time}', en: 'Data loaded at {time}' },
  reloadFailed: { zh: '数据更新失败，显示的是 {time} 的数据', en: 'Update failed; showing the data of {time}' },
  unreachable: { zh: '无法连接数据文件夹，显示的是 {time} 的数据', en: 'Data folder unreachable; showing the data of {time}' },
  pages: {
    overview: { zh: '总览', en: 'Overview' },
    spending: { zh: '资金支出进度', en: 'Spending progress' },
    lagging: { zh: '滞后指标', en: 'Lagging indicators' },
    yoy: { zh: '同比', en: 'Year on year' },
    /** a page title in parts: 滞后指标（1/2） */
    part: { zh: '{title}（{part}/{parts}）', en: '{title} ({part}/{parts})' },
    /** department goals without a 分项 */
    otherGoals: { zh: '其他目标', en: 'Other goals' },
  },
  monitored: { zh: '监测项', en: 'monitored' },
  lightsTitle: { zh: '预警概况', en: 'Warning lights' },
  headlineGoals: { zh: '重点目标', en: 'Headline goals' },
  safetyGoals: { zh: '安全生产与环境', en: 'Safety and environment' },
  timeShare: { zh: '序时进度', en: 'Time elapsed' },
  executionRate: { zh: '预算执行率', en: 'Execution rate' },
  departmentRate: { zh: '部门预算执行率', en: 'Department execution' },
  completion: { zh: '完成率', en: 'Achieved' },
  curveTitle: { zh: '{group}完成率与序时进度（按月）', en: '{group}: achieved vs time elapsed, by month' },
  /** a point goal's chart: its value each month against the target */
  pointTitle: { zh: '{name}（按月）', en: '{name}, by month' },
  /** `month` is a month name: the figure is from an earlier month than 数据截至 */
  figureOf: { zh: '{month}数据', en: '{month} figure' },
  /** a judgement and the month it was made */
  judgedIn: { zh: '{month}评定', en: 'as judged in {month}' },
  spendingTitle: { zh: '各项目预算执行率与计划进度、序时进度', en: 'Execution rate vs plan and time elapsed' },
  planShare: { zh: '计划进度', en: 'Plan' },
  planAt: { zh: '计划 {share}', en: 'plan {share}' },
  /** the legend of bars coloured by their light */
  rateByLight: { zh: '预算执行率（颜色即预警灯）', en: 'Execution rate (colour = its light)' },
  targetLine: { zh: '目标 {target}', en: 'Target {target}' },
  /** a point goal measured against its target */
  targetMet: { zh: '已达到目标', en: 'Target met' },
  shortOfTarget: { zh: '距目标还差 {gap}', en: '{gap} short of target' },
  overTarget: { zh: '超出目标 {gap}', en: '{gap} over the target' },
  points: { zh: '{points} 个百分点', en: '{points} pts' },
  /** a zero-event goal's months: none had an event, or how many */
  noEvents: { zh: '今年以来未发生', en: 'None so far this year' },
  events: { zh: '今年以来已发生 {n}', en: '{n} so far this year' },
  yoyTitle: { zh: '重点目标 今年与上年同期（按月）', en: 'Headline goals this year and last, by month' },
  thisYear: { zh: '{year}年', en: '{year}' },
  lastYearLine: { zh: '{year}年（上年）', en: '{year} (last year)' },
  spent: { zh: '已支出 {spent} / 全年预算 {budget}', en: 'Spent {spent} of {budget}' },
  noPlan: { zh: '未设资金支出计划', en: 'no spending plan' },
  noLagging: { zh: '所有指标均在序时进度之内', en: 'Nothing is behind' },
  noFigure: { zh: '尚无数据', en: 'No figure yet' },
  /** `month` is a month name (common.month) */
  reasonOf: { zh: '偏差原因（{month}）', en: 'Reason ({month}): ' },
  noReason: { zh: '尚未填写偏差原因', en: 'No reason given yet' },
  /** `month` is a month name: the latest 说明 written for a judged goal */
  noteOf: { zh: '说明（{month}）', en: 'Note ({month}): ' },
  spendingItem: { zh: '预算执行', en: 'budget execution' },
  required: { zh: '剩余月均需完成 {pace}', en: 'Needed per month: {pace}' },
} as const satisfies MessageTree
