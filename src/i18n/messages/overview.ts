import type { MessageTree } from '../catalogue'

export default {
  departmentGoals: { zh: '部门整体绩效目标', en: 'Department-wide goals' },
  projects: { zh: '预算项目资金支出', en: 'Budget project spending' },
  project: { zh: '项目', en: 'Project' },
  completion: { zh: '完成率', en: 'Achieved' },
  target: { zh: '目标', en: 'Target' },
  timeShare: { zh: '序时进度', en: 'Time elapsed' },
  notOccurred: { zh: '未发生', en: 'none occurred' },
  occurred: { zh: '已发生 {n} 起', en: '{n} event(s)' },
  /** `month` is a month name: the month a figure is from when it is not 数据截至 */
  monthOf: { zh: '{month}数据', en: '{month} figure' },
  /** 序时进度 of the month a figure is from, `month` a month name */
  timeShareOf: { zh: '{month}序时进度', en: 'Time elapsed to {month}' },
  /** an item's name with the month its figure is from, `month` a month name */
  nameOfMonth: { zh: '{name}（{month}）', en: '{name} ({month})' },
  /** 未报送: `month` is a month name */
  unreported: { zh: '{month}未报送（{n}项）', en: 'Not reported for {month} ({n})' },
  unreportedHint: {
    zh: '以下指标没有{month}的数据，卡片上显示的是最近一次报送的数（与当月序时进度比较）。',
    en: 'No figure for {month}: their cards show the latest figure reported, compared with the time elapsed at its month.',
  },
  neverReported: { zh: '尚无数据', en: 'nothing yet' },
  budget: { zh: '全年预算数', en: 'Annual budget' },
  spent: { zh: '累计支出', en: 'Spent' },
  executionRate: { zh: '预算执行率', en: 'Execution rate' },
  departmentRate: { zh: '预算执行率（部门合计）', en: 'Execution rate (department total)' },
  planShare: { zh: '计划进度', en: 'Plan' },
  departmentTotal: { zh: '部门合计', en: 'Department total' },
  chartCompletion: { zh: '定量目标完成率与序时进度', en: 'Quantitative goals: achieved vs time elapsed' },
  chartSpending: { zh: '预算执行率与计划、序时进度', en: 'Execution rate vs plan and time elapsed' },
  lightsSummary: { zh: '预警概况', en: 'Warning lights' },
  unreadableTarget: { zh: '指标值无法识别', en: 'unreadable target' },
  projectIndicators: { zh: '项目绩效指标', en: 'Project indicators' },
  noSpending: { zh: '暂无支出数据', en: 'No spending yet' },
  noProjects: { zh: '本年度的预算项目尚未载入。', en: 'The year’s budget projects are not loaded yet.' },
} as const satisfies MessageTree
