import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import LikelihoodPicker from '@/components/indicator/LikelihoodPicker.vue'
import MonitorSettingsForm from '@/components/settings/MonitorSettingsForm.vue'
import { useLikelihoodStore } from '@/stores/likelihood'
import { useSettingsStore } from '@/stores/settings'

describe('MonitorSettingsForm', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('refuses a red threshold above yellow with a sentence and leaves the setting as it was', async () => {
    const wrapper = mount(MonitorSettingsForm)
    await wrapper.get('[data-field="execution.red"]').setValue('90')
    await flushPromises()
    expect(wrapper.get('[data-role="problems"]').text()).toBe('红灯线（90%）须低于黄灯线（80%），修改未生效。')
    expect(useSettingsStore().monitor.execution.red).toBe(0.6)
  })

  it('applies a valid change at once, keeps it in localStorage and resets to the defaults', async () => {
    const wrapper = mount(MonitorSettingsForm)
    await wrapper.get('[data-field="cumulative.blue"]').setValue('150')
    await flushPromises()
    const settings = useSettingsStore()
    expect(settings.monitor.cumulative.blue).toBe(1.5)
    expect(JSON.parse(localStorage.getItem('jixiao:settings') ?? '{}').monitor.cumulative.blue).toBe(1.5)
    await wrapper.get('[data-role="reset-monitor"]').trigger('click')
    await flushPromises()
    expect(settings.monitor.cumulative.blue).toBe(1.2)
    expect((wrapper.get('[data-field="cumulative.blue"]').element as HTMLInputElement).value).toBe('120')
  })
})

describe('LikelihoodPicker', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('shows the suggestion and marks an override as 人工确认, per as-of month', async () => {
    const asOf = { year: 2024, month: 7 }
    const wrapper = mount(LikelihoodPicker, { props: { id: 'D07', asOf, suggested: '有可能' } })
    expect(wrapper.get('[data-role="likelihood-suggested"]').text()).toBe('建议：有可能')
    await wrapper.get('[data-role="likelihood-select"]').setValue('完全不可能')
    expect(wrapper.get('[data-role="likelihood-confirmed"]').text()).toBe('完全不可能（人工确认）')
    const store = useLikelihoodStore()
    expect(store.confirmedFor('D07', { year: 2024, month: 8 })).toBeNull()
    await wrapper.get('[data-role="likelihood-select"]').setValue('')
    expect(wrapper.find('[data-role="likelihood-confirmed"]').exists()).toBe(false)
  })
})
