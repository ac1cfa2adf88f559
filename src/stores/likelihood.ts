import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Likelihood, YearMonth } from '@/domain/types'
import { saveOnChange } from '@/persist/storedValue'
import { storedLikelihoods } from '@/persist/userState'

const keyOf = (id: string, asOf: YearMonth) => `${asOf.year}-${String(asOf.month).padStart(2, '0')}:${id}`

/** 完成目标可能性 as a person confirmed it, per indicator and 数据截至 month; kept across reloads. */
export const useLikelihoodStore = defineStore('likelihood', () => {
  const confirmed = ref<Record<string, Likelihood>>(storedLikelihoods.read())
  saveOnChange(storedLikelihoods, () => confirmed.value)

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
