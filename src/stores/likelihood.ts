import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Likelihood, YearMonth } from '@/domain/types'
import { saveOnChange } from '@/persist/storedValue'
import { adoptUnitlessLikelihoods, likelihoodKey, storedLikelihoods } from '@/persist/userState'
import { useDatasetStore } from './dataset'

/**
 * 完成目标可能性 as a person confirmed it, per unit, indicator and 数据截至 month; kept across reloads. Two units may
 * use the same 指标编码: each confirms its own. Before any data is read there is no unit on screen: what is confirmed
 * then, and what a version of the app before units kept, belongs to the default unit once the data say which it is.
 */
export const useLikelihoodStore = defineStore('likelihood', () => {
  const dataset = useDatasetStore()
  const confirmed = ref<Record<string, Likelihood>>(storedLikelihoods.read())
  saveOnChange(storedLikelihoods, () => confirmed.value)
  watch(
    () => dataset.legacyScope,
    (scope) => {
      if (scope) confirmed.value = adoptUnitlessLikelihoods(confirmed.value, scope.org)
    },
    { immediate: true },
  )

  const keyOf = (id: string, asOf: YearMonth) => likelihoodKey(dataset.view?.org ?? null, id, asOf)

  function confirmedFor(id: string, asOf: YearMonth): Likelihood | null {
    return confirmed.value[keyOf(id, asOf)] ?? null
  }
  /** null clears the override, so the suggestion shows again. */
  function confirm(id: string, asOf: YearMonth, value: Likelihood | null) {
    const key = keyOf(id, asOf)
    if (value === null) {
      const { [key]: _dropped, ...rest } = confirmed.value
      confirmed.value = rest
    } else confirmed.value = { ...confirmed.value, [key]: value }
  }
  return { confirmed, confirmedFor, confirm }
})
