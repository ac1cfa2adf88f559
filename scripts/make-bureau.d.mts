/** Writes a synthetic bureau dataset (see make-bureau.mjs) and returns the folder written. */
export function makeBureau(opts: {
  units: number
  years: number
  out: string
  indicators: number
  projects: number
  months: number
  year: number
}): Promise<string>
