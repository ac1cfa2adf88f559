// The one catalogue of user-visible text. A key that is not in it, or a missing or misnamed parameter, is a compile
// error; every entry has both languages (tests/unit/i18n/catalogue.test.ts). Pure: the command line uses it too.
import type { Lang } from './lang'
import { messages } from './messages'

export interface Leaf {
  readonly zh: string
  readonly en: string
}
export interface MessageTree {
  readonly [key: string]: Leaf | MessageTree
}

type Messages = typeof messages

/** Every leaf of the tree as a dotted key: 'overview.completion', 'common.light.red', … */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]
export type MessageKey = KeysOf<Messages>

type LeafAt<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? LeafAt<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never

/** `{year}年{month}月` → 'year' | 'month'. */
type PlaceholderNames<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never
type ParamNames<K extends MessageKey> = PlaceholderNames<LeafAt<Messages, K>[Lang]>

export type MessageParams<K extends MessageKey> = { readonly [P in ParamNames<K>]: string | number }
/** No argument for a text without placeholders, else an object naming every placeholder. */
export type ParamArgs<K extends MessageKey> = [ParamNames<K>] extends [never] ? [] : [params: MessageParams<K>]

function flatten(tree: MessageTree, prefix: string, into: Map<string, Leaf>): Map<string, Leaf> {
  for (const [key, node] of Object.entries(tree)) {
    if (typeof (node as Leaf).zh === 'string') into.set(prefix + key, node as Leaf)
    else flatten(node as MessageTree, `${prefix}${key}.`, into)
  }
  return into
}
const ENTRIES: ReadonlyMap<string, Leaf> = flatten(messages, '', new Map())

/** Every entry, for the catalogue's own test. */
export const catalogueEntries = (): [string, Leaf][] => [...ENTRIES.entries()]

/** The names between braces in a text, in order of appearance. */
export const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

/** The entry `key` in `lang` with its placeholders filled: `text('zh', 'assessment.pendingCount', { n: 3 })`. */
export function text<K extends MessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  const leaf = ENTRIES.get(key)
  if (!leaf) throw new Error(`no catalogue entry ${key}`)
  return fill(leaf[lang], params[0] ?? {})
}
