import type { IndicatorRow, PlanPoint, Project } from '../../../src/domain/types'

// Transcribed from the seed document (2024 绩效目标, 曹妃甸区装备制造园区管理委员会).

export const P1 = '13020924P009874100020'
export const P2 = '13020924P00986710002R'
export const P3 = '13020924P00984510001C'

function row(id: string, scope: string, level1: string | null, level2: string | null, name: string, targetText: string, basis: string | null, group: string | null = null): IndicatorRow {
  return { id, scope, group, level1, level2, name, targetText, unit: null, direction: null, measure: null, weight: null, basis }
}

export const departmentRows: IndicatorRow[] = [
  row('D-01', '部门', null, null, '新签约亿元以上项目', '20个以上', null, '招商引资'),
  row('D-02', '部门', null, null, '投资额', '120亿元以上', null, '招商引资'),
  row('D-03', '部门', null, null, '进出口额', '50亿元以上', null, '招商引资'),
  row('D-04', '部门', null, null, '实际利用外资', '1亿美元以上', null, '招商引资'),
  row('D-05', '部门', null, null, '四上工业收入', '突破650亿元', null, '经济运行'),
  row('D-06', '部门', null, null, '财税收入', '实现4亿元', null, '经济运行'),
  row('D-07', '部门', null, null, '固定资产投资', '达到120亿元', null, '经济运行'),
  row('D-08', '部门', null, null, '新增规上工业企业', '9家', null, '经济运行'),
  row('D-09', '部门', null, null, '工业增加值增速', '10%以上', null, '经济运行'),
  row('D-10', '部门', null, null, '重特大安全事故和环境污染案件', '不发生', null, '社会稳定'),
]

export const projectRows: IndicatorRow[] = [
  row('P1-1', P1, '产出指标', '数量指标', '组织培训、会议次数（次）', '≥50次', '园区组织安全环保培训会、招商会'),
  row('P1-2', P1, '产出指标', '质量指标', '会议效果良好率', '100100%', '保证会议效果良好'),
  row('P1-3', P1, '产出指标', '时效指标', '任务完成及时率', '100100%', '按时完成任务'),
  row('P1-4', P1, '效益指标', '经济效益指标', '对经济发展带来效果', '招商引资、更好地为企业服务，促进经济发展', '招商引资、更好地为企业服务，促进经济发展'),
  row('P1-5', P1, '效益指标', '社会效益指标', '社会效益显著', '招商引资、更好地为企业服务，促进经济发展', '招商引资、更好地为企业服务，促进经济发展'),
  row('P1-6', P1, '满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '争取园区企业满意度100%'),
  row('P2-1', P2, '产出指标', '数量指标', '项目总成本', '按要求控制成本', '按要求控制成本'),
  row('P2-2', P2, '产出指标', '质量指标', '完成及时率（%）', '100%', '按时完成'),
  row('P2-3', P2, '效益指标', '经济效益指标', '经济发展', '完成基础设施配套，促进经济发展', '完成基础设施配套，促进经济发展'),
  row('P2-4', P2, '满意度指标', '服务对象满意度指标', '服务对象满意度', '满意', '满意'),
  row('P3-1', P3, '产出指标', '数量指标', '项目数量', '完成任务', '完成任务'),
  row('P3-2', P3, '产出指标', '质量指标', '保障工作质量', '完成任务', '完成任务'),
  row('P3-3', P3, '产出指标', '时效指标', '完成工作任务及时性', '完成任务', '完成任务'),
  row('P3-4', P3, '产出指标', '成本指标', '经费开支', '完成任务', '完成任务'),
  row('P3-5', P3, '效益指标', '经济效益指标', '数据共享率', ' 完成任务', '完成任务'),
  row('P3-6', P3, '效益指标', '社会效益指标', '社会影响力', '完成任务', '完成任务'),
  row('P3-7', P3, '效益指标', '生态效益指标', '结果准确性', '完成任务', '完成任务'),
  row('P3-8', P3, '满意度指标', '服务对象满意度指标', '满意度', '完成任务', '完成任务'),
]

function project(code: string, name: string, budget: number): Project {
  return { code, name, department: '曹妃甸区装备制造园区管理委员会', unitName: '806001曹妃甸区装备制造园区管理委员会本级', budget, adjustedBudget: null, fiscal: budget, other: null, purpose: null, goal: null }
}

export const projects: Project[] = [
  project(P1, '2024年装备园区专项经费（原中小园区遗留问题经费）', 500),
  project(P2, '2024年装备园区专项预算（园区专项）', 330.15),
  project(P3, '2024年装备园区专项预算（招商引资）', 150),
]

/** 3月底 blank, 6月底 30%, 10月底 30%, 12月底 40%. */
export const seedPlan: PlanPoint[] = [
  { month: 6, share: 30 },
  { month: 10, share: 30 },
  { month: 12, share: 40 },
]
