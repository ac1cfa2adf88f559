import { describe, expect, it } from 'vitest'
import { cellColumns, reportToDocx } from '@/export/docx'
import { monitoringReport, selfAssessmentReport } from '@/export/report'
import { docxDocumentXml } from '../../support'
import { MONITORING_EXPLANATION, REASON_A, trainingForm, trainingMonitoringForm } from './reportFixtures'

const ORG = '某区人力资源和社会保障局'

describe('reportToDocx', () => {
  it('writes a .docx whose document.xml holds the project name, the total and the reason typed', async () => {
    const bytes = await reportToDocx(selfAssessmentReport(trainingForm(), { organisation: ORG }))
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]) // a zip
    const xml = docxDocumentXml(bytes)
    expect(xml).toContain('职业技能培训补贴项目')
    expect(xml).toContain('自评总分80.55分')
    expect(xml).toContain(`<w:t xml:space="preserve">${REASON_A}</w:t>`)
  })

  it('sets A4 pages with office margins, the indicator table on a landscape page', async () => {
    const xml = docxDocumentXml(await reportToDocx(selfAssessmentReport(trainingForm(), { organisation: ORG })))
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1])
    expect(sizes).toEqual([
      'w:w="11906" w:h="16838" w:orient="portrait"',
      'w:w="16838" w:h="11906" w:orient="landscape"',
      'w:w="11906" w:h="16838" w:orient="portrait"',
    ])
    // 2.54 cm top and bottom, 3.17 cm left and right
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1797" w:bottom="1440" w:left="1797"/)
  })

  it('names the Chinese fonts on the runs themselves: 仿宋 body, 黑体 and 楷体 headings, 宋体 title', async () => {
    const xml = docxDocumentXml(await reportToDocx(selfAssessmentReport(trainingForm(), { organisation: ORG })))
    const run = (text: string) => xml.match(new RegExp(`<w:r>((?:(?!</w:r>).)*?${text}.*?)</w:r>`))?.[1] ?? ''
    expect(run('项目支出绩效自评报告')).toMatch(/w:eastAsia="宋体"/)
    expect(run('项目支出绩效自评报告')).toMatch(/<w:b\/>/)
    expect(run('一、基本情况')).toMatch(/w:eastAsia="黑体"/)
    expect(run('（一）项目概况')).toMatch(/w:eastAsia="楷体"/)
    expect(run('2024年年初预算数')).toMatch(/w:eastAsia="仿宋"/)
    // 三号: 16 pt in half points
    expect(run('2024年年初预算数')).toMatch(/<w:sz w:val="32"\/>/)
  })

  it('draws tables with single borders and fixed column widths', async () => {
    const xml = docxDocumentXml(await reportToDocx(selfAssessmentReport(trainingForm(), { organisation: ORG })))
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"/)
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>')
    expect(xml).toContain('<w:vMerge w:val="restart"/>')
  })

  it('writes the 监控报告 with the explanation typed', async () => {
    const xml = docxDocumentXml(await reportToDocx(monitoringReport([trainingMonitoringForm()], { organisation: ORG, year: 2024, month: 7 })))
    expect(xml).toContain('2024年1–7月项目支出绩效运行监控报告')
    expect(xml).toContain(MONITORING_EXPLANATION)
  })
})

describe('cellColumns', () => {
  it('starts a cell after the columns a cell above still covers', () => {
    const rows = [
      { cells: [{ text: '预算执行率', span: 3 }, { text: '10' }] },
      { cells: [{ text: '产出指标', rowSpan: 2 }, { text: 'a' }, { text: 'b' }, { text: 'c' }] },
      { cells: [{ text: 'd' }, { text: 'e' }, { text: 'f' }] },
      { cells: [{ text: '总分', span: 3 }, { text: '90' }] },
    ]
    expect(cellColumns(rows)).toEqual([[0, 3], [0, 1, 2, 3], [1, 2, 3], [0, 3]])
  })
})
