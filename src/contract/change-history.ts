/** The audit trail's HTTP contract (administrators): list changes filtered by person, user, workbook and dates, or as CSV. */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isoDate } from './api';

extendZodWithOpenApi(z);

const plainText = z.string().trim().max(200).regex(/^[^\p{Cc}]*$/u, 'No line breaks, tabs or other control characters').openapi({ pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' });

export const changeHistoryQuery = z.object({
  personNumber: plainText.optional(),
  username: plainText.optional(),
  /** A workbook kind, such as person-benefit-groups. */
  kind: plainText.optional(),
  /** Changes made on or after this day (UTC). */
  from: isoDate.optional(),
  /** Changes made on or before this day (UTC). */
  to: isoDate.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
});
export type ChangeHistoryQuery = z.infer<typeof changeHistoryQuery>;

export const changeHistoryEntry = z
  .object({
    id: z.string(),
    changedAt: z.string(),
    username: z.string(),
    kind: z.string(),
    action: z.enum(['insert', 'update', 'delete', 'process', 'back-out']),
    recordKey: z.string(),
    personNumber: z.string().nullable(),
    column: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    /** The session effective date (or the batch line's effective date) of the change. */
    effectiveDate: z.string().nullable(),
    /** The upload's idempotency key, the batch run's, or the request id of a back-out. */
    requestId: z.string(),
  })
  .openapi('ChangeHistoryEntry');
export type ChangeHistoryEntry = z.infer<typeof changeHistoryEntry>;

export const changeHistoryResponse = z
  .object({ entries: z.array(changeHistoryEntry), total: z.number().int(), nextOffset: z.number().int().nullable() })
  .openapi('ChangeHistoryResponse');
export type ChangeHistoryResponse = z.infer<typeof changeHistoryResponse>;
