import type { Page } from 'playwright-core'

/** A piece of text the reader cannot see whole: where it is and why. */
export interface TextOverflow {
  /** the text, shortened to 60 characters */
  text: string
  /** the element holding it, as `tag.class[data-…]` path of up to three ancestors */
  where: string
  why: 'cut by its box' | 'cut by an ancestor' | 'outside its box' | 'truncated by the chart' | 'overlaps chart text'
}

/**
 * Every text on the page that is cut or spills out: an element that clips (overflow hidden, an ellipsis, a line clamp)
 * whose content is larger than its box; text lying outside an ancestor that clips it; text outside its own block's box
 * (nowrap text running over its neighbours); and in SVG charts, labels the chart truncated with "…" or that overlap
 * another label. Canvas charts are invisible to it: draw what must be checked as HTML or SVG.
 */
export function textOverflows(page: Page, rootSelector = 'body'): Promise<TextOverflow[]> {
  return page.evaluate((selector) => {
    type Why = 'cut by its box' | 'cut by an ancestor' | 'outside its box' | 'truncated by the chart' | 'overlaps chart text'
    const found: { text: string; where: string; why: Why }[] = []
    const root = document.querySelector(selector)
    if (!root) return found
    // rectangles are in viewport pixels, scaled with any transform: allow one design pixel of rounding
    const stage = document.querySelector('[data-role="screen-stage"]')
    const scale = stage ? stage.getBoundingClientRect().width / (stage as HTMLElement).offsetWidth : 1
    const slack = Math.max(1, scale) + 0.5

    const describe = (el: Element) => {
      const parts: string[] = []
      for (let e: Element | null = el; e && e !== root && parts.length < 3; e = e.parentElement) {
        const data = [...e.attributes].find((a) => a.name.startsWith('data-') && a.name !== 'data-v-app')
        const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/)[0]}` : ''
        parts.unshift(`${e.tagName.toLowerCase()}${cls}${data ? `[${data.name}="${data.value}"]` : ''}`)
      }
      return parts.join(' > ')
    }
    const short = (s: string) => {
      const t = s.replace(/\s+/g, ' ').trim()
      return t.length > 60 ? `${t.slice(0, 59)}…` : t
    }
    // a text's box is its font's whole ascent and descent, taller than its line when line-height is below normal
    // (the CJK fonts' content area is about 1.45 em): up to a quarter em above and below is the font's, not overflow
    const inside = (inner: DOMRect, outer: DOMRect, leading = 0) =>
      inner.left >= outer.left - slack &&
      inner.right <= outer.right + slack &&
      inner.top >= outer.top - slack - leading &&
      inner.bottom <= outer.bottom + slack + leading
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible'
    const visible = (el: Element) => {
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') return false
      const r = el.getBoundingClientRect()
      // a screen reader's text, hidden on purpose in a 1 px clipped box, is no text a reader sees cut
      return r.width > 1 && r.height > 1
    }

    // HTML text
    const reported = new Set<Element>()
    const boxChecked = new Set<Element>()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const el = node.parentElement
      if (!el || !text.trim() || el.closest('script, style, svg, noscript') || !visible(el)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const leading = parseFloat(getComputedStyle(el).fontSize) * 0.25 * scale
      const report = (holder: Element, why: Why) => {
        if (reported.has(holder)) return
        reported.add(holder)
        found.push({ text: short(holder.textContent ?? text), where: describe(holder), why })
      }
      // an element that clips, or writes an ellipsis, and whose content is larger than its box
      for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) {
        if (boxChecked.has(e)) continue
        boxChecked.add(e)
        const style = getComputedStyle(e)
        const clamps = style.textOverflow === 'ellipsis' || (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '')
        if ((clips(style) || clamps) && e instanceof HTMLElement) {
          if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) report(e, 'cut by its box')
        }
      }
      // text lying outside an ancestor that clips it
      for (let e: Element | null = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        if (clips(getComputedStyle(e)) && !inside(box, e.getBoundingClientRect(), leading)) {
          report(el, 'cut by an ancestor')
          break
        }
      }
      // text outside the box of the block it sits in (inline elements take their line boxes' size)
      let block: Element | null = el
      while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = block.parentElement
      if (block && !inside(box, block.getBoundingClientRect(), leading)) report(el, 'outside its box')
    }

    // SVG charts: ECharts truncates with "…"; labels must not sit on each other or outside the chart
    for (const svg of root.querySelectorAll('svg')) {
      const frame = svg.getBoundingClientRect()
      const labels = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() && visible(t))
      // a label's box is its font's whole ascent and descent; what a reader sees of it is about one em high
      const boxes = labels.map((t) => {
        const r = t.getBoundingClientRect()
        const em = parseFloat(getComputedStyle(t).fontSize) * scale
        const trim = Math.max(0, (r.height - em) / 2)
        return new DOMRect(r.left, r.top + trim, r.width, r.height - 2 * trim)
      })
      labels.forEach((t, i) => {
        const content = t.textContent ?? ''
        if (/…|\.\.\.$/.test(content)) found.push({ text: short(content), where: describe(svg), why: 'truncated by the chart' })
        else if (!inside(boxes[i]!, frame)) found.push({ text: short(content), where: describe(svg), why: 'cut by an ancestor' })
      })
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = boxes[i]!
          const b = boxes[j]!
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (w > slack && h > slack) {
            found.push({ text: short(`${labels[i]!.textContent} ⟷ ${labels[j]!.textContent}`), where: describe(svg), why: 'overlaps chart text' })
          }
        }
      }
    }
    return found
  }, rootSelector)
}

/** Text drawn smaller than `minPx` CSS pixels before any scaling (HTML and SVG chart labels). */
export function textSmallerThan(page: Page, minPx: number, rootSelector = 'body'): Promise<{ text: string; px: number }[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const out: { text: string; px: number }[] = []
      const root = document.querySelector(selector)
      if (!root) return out
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const seen = new Set<Element>()
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement
        if (!el || seen.has(el) || !(node.textContent ?? '').trim() || el.closest('script, style, noscript')) continue
        seen.add(el)
        const style = getComputedStyle(el)
        if (style.display === 'none' || style.visibility === 'hidden') continue
        const px = parseFloat(style.fontSize)
        if (px < min) out.push({ text: (node.textContent ?? '').trim().slice(0, 40), px })
      }
      return out
    },
    { selector: rootSelector, min: minPx },
  )
}
