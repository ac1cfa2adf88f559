// Writes a synthetic finance-bureau dataset for benchmarks and scale tests, as a 一体化 system exports it: one table
// per kind for every unit, with 预算单位 and 年度 columns (docs/formats.md "Many units, many years"). Never committed.
//   npm run make-bureau -- <units> [--years 1|2] [--out <folder>] [--indicators 40] [--projects 10] [--months 12]
// Deterministic: the same arguments give the same bytes.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { once } from 'node:events'

function parseArgs(argv) {
  const opts = { units: 300, years: 1, out: null, indicators: 40, projects: 10, months: 12, year: 2024 }
  const rest = [...argv]
  while (rest.length) {
    const a = rest.shift()
    if (a === '--years') opts.years = Number(rest.shift())
    else if (a === '--out') opts.out = rest.shift()
    else if (a === '--indicators') opts.indicators = Number(rest.shift())
    else if (a === '--projects') opts.projects = Number(rest.shift())
    else if (a === '--months') opts.months = Number(rest.shift())
    else if (a === '--year') opts.year = Number(rest.shift())
    else if (/^\d+$/.test(a)) opts.units = Number(a)
    else throw new Error(`unknown argument "${a}"`)
  }
  opts.out ??= `bench/data/bureau-${opts.units}`
  return opts
}

/** mulberry32: a small seeded generator, so that every run writes the same files. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DEPARTMENTS = ['教育局', '卫生健康局', '民政局', '交通运输局', '农业农村局', '住房和城乡建设局', '水利局', '文化和旅游局',
  '自然资源局', '生态环境局', '市场监督管理局', '应急管理局', '人力资源和社会保障局', '科学技术局', '商务局', '财政局',
  '发展和改革局', '工业和信息化局', '公安局', '司法局', '审计局', '统计局', '医疗保障局', '退役军人事务局', '林业局',
  '城市管理局', '体育局', '档案局', '机关事务服务中心', '融媒体中心']
const SUBORDINATE = ['本级', '第一中心', '第二中心', '服务站', '管理所', '事务中心', '监测站', '执法大队', '培训中心', '信息中心']

/** Department-wide goals a unit typically sets: [name, target, unit, direction, measure] */
const GOALS = [
  ['重点任务完成数', '≥{n}', '项', '≥', '累计'], ['服务人次', '≥{n}', '人次', '≥', '累计'], ['项目投资额', '{n}万元以上', '万元', '≥', '累计'],
  ['群众满意度', '≥{p}%', '%', '≥', '时点'], ['政务公开率', '100%', '%', '≥', '时点'], ['安全生产事故', '不发生', '起', '≤', '累计'],
  ['培训场次', '≥{n}场', '场', '≥', '累计'], ['新增服务对象', '{n}个以上', '个', '≥', '累计'], ['制度建设', '建立健全内控制度', '', '定性', ''],
  ['信访办结率', '≥{p}%', '%', '≥', '时点'],
]
const PROJECT_INDICATORS = [
  ['产出指标', '数量指标', '完成任务数（项）', '≥{n}项', '', '', ''],
  ['效益指标', '社会效益指标', '服务覆盖率', '≥{p}%', '', '', ''],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥{p}%', '', '', ''],
]

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

class CsvFile {
  constructor(path, header) {
    this.stream = createWriteStream(path)
    this.buffer = [header.map(csvCell).join(',')]
  }
  async row(cells) {
    this.buffer.push(cells.map(csvCell).join(','))
    if (this.buffer.length >= 5000) await this.flush()
  }
  async flush() {
    if (!this.buffer.length) return
    const chunk = this.buffer.join('\n') + '\n'
    this.buffer = []
    if (!this.stream.write(chunk)) await once(this.stream, 'drain')
  }
  async close() {
    await this.flush()
    this.stream.end()
    await once(this.stream, 'finish')
  }
}

const two = (n) => String(n).padStart(2, '0')
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d

export async function makeBureau(opts) {
  const out = resolve(opts.out)
  mkdirSync(out, { recursive: true })
  const rnd = random(20241031 + opts.units)
  const years = Array.from({ length: opts.years }, (_, i) => opts.year - opts.years + 1 + i)
  const units = Array.from({ length: opts.units }, (_, i) => {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length]
    const sub = SUBORDINATE[Math.floor(i / DEPARTMENTS.length) % SUBORDINATE.length]
    const round_ = Math.floor(i / (DEPARTMENTS.length * SUBORDINATE.length))
    const code = `9${String(i + 1).padStart(5, '0')}`
    return { code, name: `示例县${dept}${sub}${round_ ? round_ + 1 : ''}`, department: `示例县${dept}` }
  })
  writeFileSync(join(out, 'units.csv'), ['单位编码,单位名称,主管部门', ...units.map((u) => [u.code, u.name, u.department].map(csvCell).join(','))].join('\n') + '\n')
  writeFileSync(join(out, 'about.json'), JSON.stringify({ organisation: '示例县财政局', units: 'units.csv', sampleFiles: ['units.csv', 'indicators.csv', 'projects.csv', 'spending_plan.csv', 'actuals.csv', 'spending.csv'], note: `scripts/make-bureau.mjs ${opts.units} units, ${opts.years} year(s): synthetic sample data` }, null, 2) + '\n')

  const indicators = new CsvFile(join(out, 'indicators.csv'), ['预算单位', '年度', '指标编码', '所属', '分项', '一级指标', '二级指标', '三级指标', '指标值', '单位', '指标性质', '口径'])
  const projects = new CsvFile(join(out, 'projects.csv'), ['预算单位', '年度', '项目编码', '项目名称', '主管部门', '实施单位', '预算数', '财政资金'])
  const plans = new CsvFile(join(out, 'spending_plan.csv'), ['预算单位', '年度', '项目编码', '月份', '计划支出比例'])
  const actuals = new CsvFile(join(out, 'actuals.csv'), ['预算单位', '年度', '指标编码', '月份', '完成值', '数据口径', '完成情况', '说明'])
  const spending = new CsvFile(join(out, 'spending.csv'), ['预算单位', '年度', '项目编码', '月份', '支出金额'])
  const goalsPerUnit = Math.max(0, opts.indicators - opts.projects * PROJECT_INDICATORS.length)

  for (const year of years) {
    for (const [u, unit] of units.entries()) {
      // how far this unit is ahead or behind, and whether it has reported the last month (未报送)
      const pace = 0.7 + rnd() * 0.45
      const reported = year === years.at(-1) && u % 17 === 5 ? opts.months - 1 : opts.months
      for (let g = 0; g < goalsPerUnit; g++) {
        const [name, text, measureUnit, direction, measure] = GOALS[g % GOALS.length]
        const n = 10 * (1 + Math.floor(rnd() * 50))
        const p = 80 + Math.floor(rnd() * 18)
        const target = text.replace('{n}', String(n)).replace('{p}', String(p))
        const id = `G${two(g + 1)}`
        await indicators.row([unit.code, year, id, '部门', '重点工作', '', '', g < GOALS.length ? name : `${name}${Math.floor(g / GOALS.length) + 1}`, target, measureUnit, direction, measure])
        for (let m = 1; m <= reported; m++) {
          if (direction === '定性') await actuals.row([unit.code, year, id, `${year}-${two(m)}`, '', '', m * pace > 6 ? '达成' : '部分达成', ''])
          else if (direction === '≤') await actuals.row([unit.code, year, id, `${year}-${two(m)}`, rnd() < 0.003 ? 1 : 0, '累计', '', ''])
          else if (measure === '时点') await actuals.row([unit.code, year, id, `${year}-${two(m)}`, round(p - 6 + rnd() * 10, 1), '', '', ''])
          else {
            const value = measureUnit === '万元' ? round(n * pace * (m / 12)) : Math.round(n * pace * (m / 12))
            await actuals.row([unit.code, year, id, `${year}-${two(m)}`, value, '累计', '', pace < 0.85 && m === reported ? ['受资金拨付进度影响，进度偏慢', '项目前期手续办理滞后', '部分任务集中在四季度实施'][g % 3] : ''])
          }
        }
      }
      for (let j = 0; j < opts.projects; j++) {
        const code = `${unit.code}${year}P${two(j + 1)}`
        const budget = round(50 + rnd() * 1950)
        await projects.row([unit.code, year, code, `${year}年${unit.name.replace('示例县', '')}专项${j + 1}`, unit.department, unit.name, budget, budget])
        for (const [m, share] of [[6, 30], [10, 30], [12, 40]]) await plans.row([unit.code, year, code, m, share])
        const spendPace = Math.min(1.1, pace * (0.8 + rnd() * 0.4))
        for (let m = 1; m <= reported; m++) await spending.row([unit.code, year, code, `${year}-${two(m)}`, round((budget * spendPace) / 12 * (0.6 + rnd() * 0.8))])
        for (const [k, [level1, level2, name, text]] of PROJECT_INDICATORS.entries()) {
          const n = 5 + Math.floor(rnd() * 40)
          const p = 85 + Math.floor(rnd() * 12)
          const id = `${code}-${k + 1}`
          await indicators.row([unit.code, year, id, code, '', level1, level2, name, text.replace('{n}', String(n)).replace('{p}', String(p)), '', '', ''])
          for (let m = 1; m <= reported; m++) {
            const value = name.includes('项') ? Math.round(n * pace * (m / 12)) : round(p - 4 + rnd() * 8, 1)
            await actuals.row([unit.code, year, id, `${year}-${two(m)}`, value, name.includes('项') ? '累计' : '', '', ''])
          }
        }
      }
    }
  }
  for (const f of [indicators, projects, plans, actuals, spending]) await f.close()
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseArgs(process.argv.slice(2))
  const started = Date.now()
  const out = await makeBureau(opts)
  console.log(`${opts.units} units × ${opts.years} year(s) → ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
