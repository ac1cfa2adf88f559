// The seed's CSVs read by the browser tests themselves, to compute expected figures without the app's code.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const seedDir = (year: number) => join(import.meta.dirname, '../../data', String(year))

/** Comma-separated with double quotes around cells that hold commas; enough for data/. */
export function readCsv(dir: string, name: string): Record<string, string>[] {
  const lines = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1] ?? '')
  const header = split(lines[0]!)
  return lines.slice(1).map((l) => {
    const cells = split(l)
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))
  })
}

export const num = (s: string) => Number(s.replace(/[,%]/g, ''))
export const monthOf = (period: string) => Number(period.split('-')[1])
/** 1亿 = 10,000万: the factor from a row's unit to the target's. */
export const factor = (from: string, to: string) => (from && to && from !== to && from.startsWith('万') && to.startsWith('亿') ? 1 / 10000 : 1)
