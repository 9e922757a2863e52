/** The optional "one batch's participants" filter of the read-only kinds that show what a batch did. */
import { AppError } from '../../errors/app-error';
import type { Db } from '../../engine/workbook-kind';
import { findBatch } from './batch-lines.repository';

export const BATCH_FILTER = {
  label: 'Batch name',
  hint: 'Only the participants with a line in this batch. Leave it empty for every participant.',
};

/** The id of the batch the filter names; no filter → undefined; a name no batch has is a not_found with what to do. */
export async function filteredBatchId(db: Db, batchName: string | undefined): Promise<number | undefined> {
  if (!batchName) return undefined;
  const batch = await findBatch(db, batchName);
  if (!batch) {
    throw new AppError('not_found', `There is no batch named "${batchName}". Check the name in the Batch Name cell of its Benefit Enrollments sheet, or leave Batch name empty to see every participant.`);
  }
  return batch.id;
}
