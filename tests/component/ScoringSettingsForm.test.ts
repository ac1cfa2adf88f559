import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import ScoringSettingsForm from '@/components/settings/ScoringSettingsForm.vue'
import { storedSettings } from '@/persist/userState'
import { useSettingsStore } from '@/stores/settings'

describe('ScoringSettingsForm: 结果应用', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('refuses an empty budget treatment with a sentence naming the grade and keeps the one in force', async () => {
    const wrapper = mount(ScoringSettingsForm)
    await wrapper.get('[data-field="budgetUse.差"]').setValue('')
    await flushPromises()
    expect(wrapper.get('[data-role="problems"]').text()).toBe('等级"差"的结果应用不能为空，修改未生效。')
    expect(useSettingsStore().scoring.budgetUse.差).toBe('取消')
  })

  it('keeps a province’s own wording across a reload, and the reset gives the defaults back', async () => {
    const wrapper = mount(ScoringSettingsForm)
    await wrapper.get('[data-field="budgetUse.良"]').setValue('适当压减')
    await flushPromises()
    expect(storedSettings.read().scoring.budgetUse.良).toBe('适当压减')
    await wrapper.get('[data-role="reset-scoring"]').trigger('click')
    await flushPromises()
    expect(useSettingsStore().scoring.budgetUse.良).toBe('保障')
    expect((wrapper.get('[data-field="budgetUse.良"]').element as HTMLInputElement).value).toBe('保障')
  })
})
