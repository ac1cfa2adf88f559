/**
 * The few checks every stored value's reader is built from. Stored JSON is untrusted: an older build's value, a hand
 * edit in devtools, or `null` where an object was.
 */
export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

export const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string')

/** A key the object itself holds: `constructor` or `__proto__` read from a plain object are not its own. */
export const hasOwnKey = <T extends object>(o: T, key: unknown): key is keyof T =>
  typeof key === 'string' && Object.hasOwn(o, key)

export const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
