/**
 * The contract's request schemas, narrowed where the database is stricter than the calendar:
 * PostgreSQL has no year 0, and nothing may start after the open end date (4712-12-31).
 */
import { z } from 'zod';
import { batchName, isoDate, rowsQuery, uploadRequest } from '../../src/contract/api';
import { EARLIEST_DATE, END_OF_TIME } from './effective-dating';

const inRange = (d: string) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= EARLIEST_DATE && d <= END_OF_TIME);

export const sessionDate = isoDate.refine(inRange, `Use a date from ${EARLIEST_DATE} to ${END_OF_TIME}`);

export const rowsQuerySchema = rowsQuery.extend({ effectiveDate: sessionDate });
export const uploadRequestSchema = uploadRequest.extend({ effectiveDate: sessionDate });
export type DatedUploadRequest = typeof uploadRequestSchema._output;

/** Batch kinds name their batch instead of a date; without a name the rows query answers only the lists. */
export const batchRowsQuerySchema = rowsQuery.omit({ effectiveDate: true });
export const batchUploadRequestSchema = uploadRequest.omit({ effectiveDate: true }).extend({
  batchName: z.string({ error: 'Enter a batch name in the Batch Name cell, then upload again.' }).pipe(batchName),
});

/** Check: the upload's request without its idempotency key (a check writes nothing, so it has none to claim). */
export const checkRequestSchema = uploadRequestSchema.omit({ idempotencyKey: true });
export const batchCheckRequestSchema = batchUploadRequestSchema.omit({ idempotencyKey: true });

/** Keyed kinds (Users): no date and no batch; rows are addressed by their key alone. */
export const keyedRowsQuerySchema = rowsQuery.omit({ effectiveDate: true, batchName: true, filter: true });
export const keyedUploadRequestSchema = uploadRequest.omit({ effectiveDate: true, batchName: true, auditLog: true });
export const keyedCheckRequestSchema = keyedUploadRequestSchema.omit({ idempotencyKey: true });
