import { computed, ref, watch, type Ref } from 'vue'
import type { SettingsProblem } from '@/domain/settingsChecks'

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * An editable copy of a settings group: every valid edit is applied to the store at once (so every figure
 * follows), an invalid one is held back with its problems; a reset in the store replaces the copy.
 */
export function useSettingsDraft<T>(stored: Ref<T>, check: (s: T) => SettingsProblem[]) {
  const draft = ref(clone(stored.value)) as Ref<T>
  const problems = computed(() => check(draft.value))
  watch(
    draft,
    (d) => {
      if (problems.value.length === 0 && !same(d, stored.value)) stored.value = clone(d)
    },
    { deep: true },
  )
  watch(
    stored,
    (s) => {
      if (!same(s, draft.value)) draft.value = clone(s)
    },
    { deep: true },
  )
  return { draft, problems }
}
