// A report model (./report.ts) drawn as a Word document the way offices set reports: A4, margins 2.54 cm top and
// bottom and 3.17 cm left and right, 仿宋 三号 body on a fixed 28-point line, 黑体 level-1 and 楷体 level-2 headings,
// a bold 宋体 title, tables with single black borders, the page number centred as — 1 —.
// The docx package is loaded here only, when someone generates a report.
import type { Paragraph as DocxParagraph, Table as DocxTable } from 'docx'
import type { CellAlign, Report, ReportBlock, ReportColumn, ReportRow } from './report'

// 仿宋, 黑体, 楷体 and 宋体 come with every Chinese Windows and with WPS; the _GB2312 variants of older offices do not.
export const REPORT_FONTS = { body: '仿宋', heading1: '黑体', heading2: '楷体', title: '宋体', latin: 'Times New Roman' } as const

/** Sizes in points: 二号 22, 三号 16, 小四 12, 五号 10.5. */
const SIZE = { title: 22, body: 16, note: 12, table: 10.5 } as const
const cm = (x: number) => Math.round((x / 2.54) * 1440)
const A4 = { width: 11906, height: 16838 }
const MARGIN = { top: cm(2.54), bottom: cm(2.54), left: cm(3.17), right: cm(3.17) }
const LINE_BODY = 560 // 28 pt, exact
const half = (pt: number) => Math.round(pt * 2)

type Docx = typeof import('docx')

export async function reportToDocx(report: Report): Promise<Uint8Array> {
  const d = await import('docx')
  const font = (eastAsia: string) => ({ ascii: REPORT_FONTS.latin, hAnsi: REPORT_FONTS.latin, eastAsia, cs: REPORT_FONTS.latin })
  // zh-CN makes Word and WPS (and LibreOffice) draw the simplified glyph forms of a CJK font
  const language = { eastAsia: 'zh-CN' }
  const run = (text: string, eastAsia: string, size: number, bold = false) => new d.TextRun({ text, font: font(eastAsia), size: half(size), bold, language })

  const textWidth = (landscape: boolean) => (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' }
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }
  const alignment = (a: CellAlign) => (a === 'center' ? d.AlignmentType.CENTER : a === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT)

  const titleBlock = [
    ...report.title.map(
      (line, i) =>
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          spacing: { line: 700, lineRule: d.LineRuleType.EXACT, after: i === report.title.length - 1 ? 240 : 0 },
          children: [run(line, REPORT_FONTS.title, SIZE.title, true)],
        }),
    ),
    ...report.subtitle.map(
      (line, i) =>
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          spacing: { line: LINE_BODY, lineRule: d.LineRuleType.EXACT, after: i === report.subtitle.length - 1 ? 280 : 0 },
          children: [run(line, REPORT_FONTS.heading2, SIZE.body)],
        }),
    ),
  ]

  function cellParagraph(text: string, align: CellAlign, bold: boolean) {
    // a line break the evaluator typed stays a line break in the cell
    const lines = text.split(/\r?\n/)
    return new d.Paragraph({
      alignment: alignment(align),
      // exact, so that a table takes the same height in Word, WPS and LibreOffice whatever the font's own leading
      spacing: { line: 280, lineRule: d.LineRuleType.EXACT },
      children: lines.map((l, i) => new d.TextRun({ text: l, break: i > 0 ? 1 : 0, font: font(bold ? REPORT_FONTS.heading1 : REPORT_FONTS.body), size: half(SIZE.table), language })),
    })
  }

  function table(columns: ReportColumn[], rows: ReportRow[], landscape: boolean): DocxTable {
    const total = columns.reduce((s, c) => s + c.width, 0)
    const widths = columns.map((c) => Math.floor((c.width / total) * textWidth(landscape)))
    const margins = { top: 20, bottom: 20, left: 80, right: 80 }
    const header = new d.TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map(
        (c, i) =>
          new d.TableCell({
            width: { size: widths[i] ?? 0, type: d.WidthType.DXA },
            verticalAlign: d.VerticalAlignTable.CENTER,
            margins,
            children: [cellParagraph(c.title, 'center', true)],
          }),
      ),
    })
    const starts = cellColumns(rows)
    const body = rows.map((row, r) =>
      new d.TableRow({
        cantSplit: true,
        children: row.cells.map((cell, k) => {
          const col = starts[r]?.[k] ?? 0
          const span = cell.span ?? 1
          const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0)
          const align = span > 1 ? 'center' : (columns[col]?.align ?? 'left')
          return new d.TableCell({
            width: { size: width, type: d.WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
            verticalAlign: d.VerticalAlignTable.CENTER,
            margins,
            children: [cellParagraph(cell.text, align, row.emphasis === true)],
          })
        }),
      }),
    )
    return new d.Table({
      width: { size: widths.reduce((s, w) => s + w, 0), type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      borders,
      rows: [header, ...body],
    })
  }

  function block(b: ReportBlock, landscape: boolean, next: ReportBlock | undefined): (DocxParagraph | DocxTable)[] {
    const indent = { firstLine: 2 * SIZE.body * 20 } // two characters, in twips
    const exact = { line: LINE_BODY, lineRule: d.LineRuleType.EXACT }
    switch (b.kind) {
      case 'heading':
        return [
          new d.Paragraph({
            heading: b.level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2,
            indent,
            spacing: exact,
            keepNext: true,
            children: [run(b.text, b.level === 1 ? REPORT_FONTS.heading1 : REPORT_FONTS.heading2, SIZE.body)],
          }),
        ]
      case 'paragraph':
        return [new d.Paragraph({ indent, spacing: exact, alignment: d.AlignmentType.JUSTIFIED, children: [run(b.text, REPORT_FONTS.body, SIZE.body)] })]
      case 'note':
        return [new d.Paragraph({ spacing: { before: 60, line: 300, lineRule: d.LineRuleType.EXACT }, children: [run(b.text, REPORT_FONTS.body, SIZE.note)] })]
      case 'table':
        // an empty line keeps a table apart from what follows, except from its own notes
        return next === undefined || next.kind === 'note'
          ? [table(b.columns, b.rows, landscape)]
          : [table(b.columns, b.rows, landscape), new d.Paragraph({ spacing: { line: 240, lineRule: d.LineRuleType.AUTO }, children: [] })]
    }
  }

  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font(REPORT_FONTS.title), size: half(14) })],
      }),
    ],
  })

  const sections = report.sections
    .filter((s) => s.blocks.length > 0)
    .map((s, i) => ({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: s.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
          margin: { ...MARGIN, header: cm(1.5), footer: cm(1.75) },
        },
        type: i === 0 ? undefined : d.SectionType.NEXT_PAGE,
      },
      footers: { default: footer },
      children: [...(i === 0 ? titleBlock : []), ...s.blocks.flatMap((b, k) => block(b, s.landscape, s.blocks[k + 1]))],
    }))

  const doc = new d.Document({
    creator: '绩效看板',
    title: report.title.join(''),
    styles: headingStyles(d),
    sections,
  })
  return d.Packer.pack(doc, 'uint8array')
}

/** The first grid column of every cell: a cell that spans rows leaves its column out of the rows below. */
export function cellColumns(rows: readonly ReportRow[]): number[][] {
  const coveredThrough: number[] = []
  return rows.map((row, r) => {
    let col = 0
    return row.cells.map((cell) => {
      while ((coveredThrough[col] ?? -1) >= r) col++
      const start = col
      const span = cell.span ?? 1
      for (let k = 0; k < span; k++) coveredThrough[start + k] = r + (cell.rowSpan ?? 1) - 1
      col += span
      return start
    })
  })
}

/** Word's Heading 1 and 2 (so the navigation pane lists the sections) in the report's fonts, black, not bold. */
function headingStyles(d: Docx) {
  const style = (id: string, name: string, eastAsia: string, level: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: { ascii: REPORT_FONTS.latin, hAnsi: REPORT_FONTS.latin, eastAsia }, size: half(SIZE.body), bold: false, color: '000000' },
    paragraph: { outlineLevel: level, spacing: { before: 0, after: 0, line: LINE_BODY, lineRule: d.LineRuleType.EXACT } },
  })
  return {
    default: {
      document: {
        run: { font: { ascii: REPORT_FONTS.latin, hAnsi: REPORT_FONTS.latin, eastAsia: REPORT_FONTS.body }, size: half(SIZE.body) },
      },
    },
    paragraphStyles: [style('Heading1', 'heading 1', REPORT_FONTS.heading1, 0), style('Heading2', 'heading 2', REPORT_FONTS.heading2, 1)],
  }
}
