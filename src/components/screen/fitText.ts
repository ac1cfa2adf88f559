import type { Directive } from 'vue'
import { SCREEN_MIN_FONT } from '@/charts/screenTheme'

/**
 * Shrinks an element's text a pixel at a time until it takes at most `lines` lines and no more than its width, never
 * below the wall's smallest readable size. The element does not clip: text that does not fit even then makes it
 * taller, and the browser tests' overflow check says where. The layout must change then; text is never cut.
 */
function fit(el: HTMLElement, lines: number): void {
  el.style.fontSize = ''
  let size = parseFloat(getComputedStyle(el).fontSize)
  const tooBig = () => {
    const style = getComputedStyle(el)
    const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.45 : parseFloat(style.lineHeight)
    return el.offsetHeight > lines * lineHeight + 1 || el.scrollWidth > el.clientWidth + 1
  }
  while (size > SCREEN_MIN_FONT && tooBig()) {
    size -= 1
    el.style.fontSize = `${size}px`
  }
}

/** `v-fit-text` (one line) or `v-fit-text="2"`: the element's vertical padding and borders must be zero. */
export const vFitText: Directive<HTMLElement, number | undefined> = {
  mounted(el, binding) {
    fit(el, binding.value ?? 1)
    // the first measure may run before the CJK font is in; measure again once it is
    void document.fonts?.ready.then(() => el.isConnected && fit(el, binding.value ?? 1))
  },
  updated(el, binding) {
    fit(el, binding.value ?? 1)
  },
}
