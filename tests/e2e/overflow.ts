import type { Page } from 'playwright-core'

/** A text a reader cannot see whole, and where it is. */
export interface TextOverflow {
  /** the text, cut to 60 characters */
  text: string
  /** the element, as tag.class[data-…] of it and up to two ancestors */
  where: string
  why: 'clipped by its box' | 'outside its box'
}

/**
 * Every text on the page that is clipped or spills out of its box: an element holding text that hides part of its
 * content (overflow not visible, or an ellipsis) because the content is larger than the box, and a text whose lines lie
 * outside the block it sits in (a nowrap cell running into its neighbour). Canvas charts are not text to it.
 */
export function textOverflows(page: Page, rootSelector = 'body'): Promise<TextOverflow[]> {
  return page.evaluate((selector) => {
    const found: { text: string; where: string; why: 'clipped by its box' | 'outside its box' }[] = []
    const root = document.querySelector(selector)
    if (!root) return found
    const where = (el: Element) => {
      const parts: string[] = []
      for (let e: Element | null = el; e && e !== root && parts.length < 3; e = e.parentElement) {
        const data = [...e.attributes].find((a) => a.name.startsWith('data-') && !a.name.startsWith('data-v-'))
        const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/)[0]}` : ''
        parts.unshift(`${e.tagName.toLowerCase()}${cls}${data ? `[${data.name}="${data.value}"]` : ''}`)
      }
      return parts.join(' > ')
    }
    const short = (s: string) => {
      const t = s.replace(/\s+/g, ' ').trim()
      return t.length > 60 ? `${t.slice(0, 59)}…` : t
    }
    // text for screen readers only (a 1px box that clips it) is meant to be unseen
    const shown = (el: Element) => {
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 1 && box.height > 1
    }
    const seen = new Set<Element>()
    const report = (el: Element, why: 'clipped by its box' | 'outside its box') => {
      if (seen.has(el)) return
      seen.add(el)
      found.push({ text: short(el.textContent ?? ''), where: where(el), why })
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !(node.textContent ?? '').trim() || el.closest('script, style, svg, noscript, option, select, textarea') || !shown(el)) continue
      // a box that hides part of what it holds: scrolled, cut off, or ended with an ellipsis
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e)
        const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis'
        if (hides && e instanceof HTMLElement && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) {
          report(e, 'clipped by its box')
          break
        }
      }
      // the text's lines against the block it sits in (a font's ascent and descent may pass its line by a quarter em)
      const range = document.createRange()
      range.selectNodeContents(node)
      const text = range.getBoundingClientRect()
      let block: Element | null = el
      while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = block.parentElement
      if (!block) continue
      const box = block.getBoundingClientRect()
      const leading = parseFloat(getComputedStyle(el).fontSize) * 0.25
      if (text.left < box.left - 1 || text.right > box.right + 1 || text.top < box.top - 1 - leading || text.bottom > box.bottom + 1 + leading)
        report(el, 'outside its box')
    }
    return found
  }, rootSelector)
}
