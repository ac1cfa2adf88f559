import { onBeforeUnmount, onMounted, ref } from 'vue'
import { folderSignature } from '@/ingest/fetchFolders'
import { useDatasetStore } from '@/stores/dataset'

/**
 * Checks the deployed `data/` folder every `seconds` and reloads the dataset when a file changed, so a wall screen
 * left running shows the month's new figures after an analyst exports them into the folder. A failed check or
 * reload keeps the figures on screen: `unreachable` says the server could not be asked, the dataset store's
 * reloadError why a reload failed.
 */
export function useFolderWatch(seconds: number) {
  const dataset = useDatasetStore()
  const checking = ref(false)
  /** the server could not be reached at the last check */
  const unreachable = ref(false)
  const checks = ref(0)
  let known: string | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  async function check(): Promise<void> {
    if (checking.value) return
    checking.value = true
    try {
      const signature = await folderSignature()
      unreachable.value = false
      if (known !== null && signature !== known) await dataset.reloadFolder()
      // a failed reload is retried at the next check only if the files change again
      known = signature
    } catch {
      unreachable.value = true
    } finally {
      checking.value = false
      checks.value++
    }
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => void check().then(schedule), seconds * 1000)
  }

  onMounted(() => {
    void check().then(schedule)
  })
  onBeforeUnmount(() => {
    stopped = true
    if (timer !== null) clearTimeout(timer)
  })

  return { checking, unreachable, checks, check }
}
