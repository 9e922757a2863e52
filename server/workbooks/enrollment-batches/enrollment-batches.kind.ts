/** Benefit Enrollments: lines of a named batch in an interim table, applied by the Upload Benefit Enrollments process. */
import type { BatchKind } from '../../engine/workbook-kind';
import { listAuditLog } from './audit-log.repository';
import { listBatches } from './batch-list.repository';
import { findBatch, findLinePage } from './batch-lines.repository';
import { uploadLines } from './batch-lines.upload';
import { enrollmentProcessor } from './batch-process';
import { enrollmentBatchesDefinition, ENROLLMENT_TYPES, YES_NO } from './definition';
import { seedEnrollmentReferenceData } from './demo-data';
import { lineValues } from './line-fields';
import { checkLineProcessing } from './line-precheck';
import { backOutLifeEvent, deleteVoidedLifeEvent, describeLifeEvent } from './life-event-back-out';
import { referenceLists } from './reference.repository';

export const enrollmentBatchesKind: BatchKind = {
  definition: enrollmentBatchesDefinition,
  processor: enrollmentProcessor,
  seedDemo: seedEnrollmentReferenceData,

  async lists(db) {
    return { enrollmentTypes: [...ENROLLMENT_TYPES], yesNo: [...YES_NO], ...(await referenceLists(db)) };
  },

  async download(db, batchName, page) {
    const batch = await findBatch(db, batchName);
    if (!batch) return { rows: [], places: [], total: 0, batchExists: false };
    const { lines, total } = await findLinePage(db, batch.id, page);
    return { rows: lines.map((l) => ({ key: l.key, version: l.version, values: lineValues(l) })), places: lines.map((l) => l.place), total, batchExists: true };
  },

  upload: uploadLines,
  listBatches,
  checkProcessing: checkLineProcessing,
  auditLog: listAuditLog,
  lifeEvents: { describe: describeLifeEvent, backOut: backOutLifeEvent, deleteVoided: deleteVoidedLifeEvent },
};
