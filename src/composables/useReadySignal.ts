import { onBeforeUnmount } from 'vue'
import { pageDrawn } from '@/charts/loadEcharts'
import { figuresDrawn } from '@/stores/engine'

/**
 * The signal browser tests and benchmarks wait for: `<html data-ready="true">` and the `jx:ready` mark, set once
 * the page's first `charts` charts have rendered (or at once for a page without charts, via `markReady`).
 */
export function useReadySignal(charts: number) {
  let rendered = 0
  let done = false
  const html = document.documentElement

  function markReady() {
    if (done) return
    done = true
    html.setAttribute('data-ready', 'true')
    performance.mark('jx:ready')
    figuresDrawn()
    pageDrawn()
  }
  function chartRendered() {
    rendered++
    if (rendered >= charts) markReady()
  }
  // at setup, not onMounted: children mount first, and a chart may already have drawn by the parent's onMounted
  html.setAttribute('data-ready', 'false')
  onBeforeUnmount(() => html.removeAttribute('data-ready'))
  return { chartRendered, markReady }
}
