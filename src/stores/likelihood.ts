import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Likelihood, YearMonth } from '@/domain/types'

const KEY = 'jixiao:likelihood'
const CHOICES: readonly Likelihood[] = ['确定能', '有可能', '完全不可能']

function readStored(): Record<string, Likelihood> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(raw).filter((e): e is [string, Likelihood] => CHOICES.includes(e[1] as Likelihood)),
    )
  } catch {
    return {}
  }
}

const keyOf = (id: string, asOf: YearMonth) => `${asOf.year}-${String(asOf.month).padStart(2, '0')}:${id}`

/** 完成目标可能性 as a person confirmed it, per indicator and 数据截至 month; kept across reloads. */
export const useLikelihoodStore = defineStore('likelihood', () => {
  const confirmed = ref<Record<string, Likelihood>>(typeof localStorage === 'undefined' ? {} : readStored())

  watch(
    confirmed,
    (value) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, JSON.stringify(value))
    },
    { deep: true },
  )

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
