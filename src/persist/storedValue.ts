import { watch } from 'vue'

/** A value kept in localStorage under one key, checked against its shape whenever it is read. */
export interface StoredValue<T> {
  read(): T
  write(value: T): void
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // a browser that blocks storage throws on the mere access
    return null
  }
}

/**
 * `check` gets whatever JSON the key holds (undefined when it holds nothing, or no JSON) and returns a value of the
 * right shape, keeping what checks out and defaults for the rest: it must accept anything without throwing. `toJson`
 * gives what is stored of a value that JSON does not hold as it is (Maps).
 */
export function storedValue<T>(key: string, check: (stored: unknown) => T, toJson: (value: T) => unknown = (v) => v): StoredValue<T> {
  return {
    read() {
      let stored: unknown
      try {
        const text = storage()?.getItem(key) ?? null
        stored = text === null ? undefined : JSON.parse(text)
      } catch {
        stored = undefined
      }
      return check(stored)
    },
    write(value) {
      try {
        storage()?.setItem(key, JSON.stringify(toJson(value)))
      } catch {
        // a full localStorage: the value still holds for this session
      }
    },
  }
}

/** Writes `stored` whenever what `current` returns changes, however deep: the persistence of a setup store's refs. */
export function saveOnChange<T>(stored: StoredValue<T>, current: () => T): void {
  watch(current, (value) => stored.write(value), { deep: true })
}
