/** Full-width ASCII (`１２０`, `％`, `＞＝`, `（）`) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤')
}
