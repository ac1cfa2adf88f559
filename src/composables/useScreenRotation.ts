import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'

/** How a meeting-room PC is set up, from the hash route's query: `#/screen?interval=15&page=2&check=60&year=2023`. */
export interface ScreenConfig {
  /** seconds per page */
  interval: number
  /** the page shown first, 0-based */
  startPage: number
  /** seconds between checks of the deployed data/ folder */
  check: number
  /** the year to show; null: the year the app opens on (the latest) */
  year: number | null
}

export const DEFAULT_SCREEN_CONFIG: ScreenConfig = { interval: 20, startPage: 0, check: 60, year: null }

/** Short intervals are for tests; nothing below a twentieth of a second. */
const MIN_SECONDS = 0.05

function seconds(raw: unknown, fallback: number): number {
  const text = Array.isArray(raw) ? raw[0] : raw
  const value = typeof text === 'string' && text.trim() !== '' ? Number(text) : NaN
  return Number.isFinite(value) && value >= MIN_SECONDS ? value : fallback
}

function whole(raw: unknown): number {
  const text = Array.isArray(raw) ? raw[0] : raw
  return typeof text === 'string' && /^\s*\d+\s*$/.test(text) ? Number(text) : NaN
}

/** Reads `interval`, `page` (1-based, as people count), `check` and `year`; anything unreadable keeps its default. */
export function parseScreenQuery(query: Record<string, unknown>): ScreenConfig {
  const page = whole(query.page)
  const year = whole(query.year)
  return {
    interval: seconds(query.interval, DEFAULT_SCREEN_CONFIG.interval),
    startPage: page >= 1 ? page - 1 : DEFAULT_SCREEN_CONFIG.startPage,
    check: seconds(query.check, DEFAULT_SCREEN_CONFIG.check),
    year: year >= 1990 && year <= 2100 ? year : DEFAULT_SCREEN_CONFIG.year,
  }
}

/** The page after `step` steps from `index`, wrapping both ways. */
export function stepPage(index: number, step: number, count: number): number {
  if (count <= 0) return 0
  return (((index + step) % count) + count) % count
}

/**
 * Turns the pages every `interval` seconds. Keys: Space pauses and resumes, ←/→ step (and restart the page's
 * time), 1–9 jump to a page. `turns` counts every page change, for the long-run test.
 */
export function useScreenRotation(pageCount: Ref<number>, config: ScreenConfig) {
  const index = ref(Math.min(config.startPage, Math.max(0, pageCount.value - 1)))
  const paused = ref(false)
  const turns = ref(0)
  let timer: ReturnType<typeof setTimeout> | null = null

  function schedule() {
    if (timer !== null) clearTimeout(timer)
    timer = paused.value ? null : setTimeout(() => go(1), config.interval * 1000)
  }
  function show(next: number) {
    if (next !== index.value) turns.value++
    index.value = next
    schedule()
  }
  function go(step: number) {
    show(stepPage(index.value, step, pageCount.value))
  }
  function togglePause() {
    paused.value = !paused.value
    schedule()
  }

  function onKey(event: KeyboardEvent) {
    if (event.ctrlKey || event.altKey || event.metaKey) return
    if (event.key === ' ' || event.code === 'Space') togglePause()
    else if (event.key === 'ArrowRight' || event.key === 'PageDown') go(1)
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(-1)
    else if (/^[1-9]$/.test(event.key) && Number(event.key) <= pageCount.value) show(Number(event.key) - 1)
    else return
    event.preventDefault()
  }

  // A page that disappears (fewer lagging items after new data) must not leave the index past the end.
  watch(pageCount, (count) => {
    if (index.value >= count) show(Math.max(0, count - 1))
  })

  onMounted(() => {
    window.addEventListener('keydown', onKey)
    schedule()
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey)
    if (timer !== null) clearTimeout(timer)
    timer = null
  })

  return { index, paused, turns, go, show, togglePause }
}
