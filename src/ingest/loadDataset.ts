import type { QueryEngine } from '@/engine/QueryEngine'
import { createStoreSchemaSql } from '@/engine/sql/schema'
import { applyStaged } from './apply'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { describeFileProblem, describeProblem } from './messages'
import { dropStage, hasProblems, stageFile, type StagedFile } from './stageFile'
import { checkReferences } from './validate'

/** The order in which files can reference each other: projects before the indicators and spending that name them. */
export const LOAD_ORDER: FileKind[] = ['projects', 'spending_plan', 'indicators', 'actuals', 'spending']

export type DatasetFiles = Partial<Record<FileKind, Uint8Array>>

export class DatasetError extends Error {
  constructor(
    readonly fileName: string,
    readonly messages: string[],
  ) {
    super(`${fileName}: ${messages.slice(0, 5).join(' ')}`)
  }
}

/**
 * Builds the store from a complete dataset (the deployed `data/` folder): every file is validated like an upload,
 * and any problem stops the load with the file named and its problems in Chinese.
 */
export async function loadDataset(engine: QueryEngine, files: DatasetFiles): Promise<void> {
  await engine.exec(createStoreSchemaSql())
  const staged: StagedFile[] = []
  try {
    for (const kind of LOAD_ORDER) {
      const bytes = files[kind]
      if (!bytes) continue
      const file = await stageFile(engine, FILE_KINDS[kind].fileName, bytes, kind)
      staged.push(file)
      await checkReferences(engine, file, { indicatorViews: [], projectViews: [] })
      if (hasProblems(file)) {
        throw new DatasetError(file.fileName, [
          ...file.fileProblems.map((p) => describeFileProblem(p)),
          ...file.problems.map((p) => describeProblem(file, p)),
        ])
      }
      await applyStaged(engine, file)
    }
  } finally {
    for (const file of staged) await dropStage(engine, file)
  }
}
