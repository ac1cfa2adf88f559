const month = `printf('%04d-%02d', year, month) AS "月份"`
// Every exported row says which 年度 and 预算单位 it belongs to, so that loading the export back puts it where it was.
const scope = `year AS "年度", org AS "预算单位"`

/**
 * Each store table back in its file's columns (docs/formats.md), Chinese headers, every unit and year, in the
 * order the files list rows.
 */
export const EXPORT_SQL: Record<'indicators' | 'projects' | 'spending_plan' | 'actuals' | 'spending' | 'links', string> = {
  indicators: `SELECT id AS "指标编码", scope AS "所属", "group" AS "分项", level1 AS "一级指标", level2 AS "二级指标",
    name AS "三级指标", target AS "指标值", unit AS "单位", direction AS "指标性质", measure AS "口径", weight AS "分值",
    basis AS "指标值确定依据", last_year AS "上年完成值", history AS "历史标准", ${scope}
    FROM indicators ORDER BY org, year, ord, id`,
  projects: `SELECT code AS "项目编码", name AS "项目名称", department AS "主管部门", unit_name AS "实施单位",
    budget AS "预算数", adjusted_budget AS "调整后预算数", fiscal AS "财政资金", other AS "其他资金", purpose AS "资金用途",
    goal AS "年度目标", ${scope} FROM projects ORDER BY org, year, ord, code`,
  spending_plan: `SELECT code AS "项目编码", month AS "月份", share AS "计划支出比例", ${scope}
    FROM spending_plan ORDER BY org, year, code, month`,
  actuals: `SELECT id AS "指标编码", ${month}, value AS "完成值", unit AS "单位", basis AS "数据口径", status AS "完成情况",
    note AS "说明", ${scope} FROM actuals ORDER BY org, year, id, month`,
  spending: `SELECT code AS "项目编码", ${month}, amount AS "支出金额", ${scope} FROM spending ORDER BY org, year, code, month`,
  links: `SELECT id AS "指标编码", last_year_id AS "上年指标编码", ${scope} FROM indicator_links ORDER BY org, year, id`,
}
