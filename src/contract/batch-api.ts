/** The HTTP contract of the batch processes: runs, their audit log, the batch list and the life events a line made. */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { isoDate, unstorableCharacter } from './cell-values';

extendZodWithOpenApi(z);

/** A batch's name as the user types it in the Batch Name cell. */
export const batchName = z
  .string()
  .trim()
  .min(1, 'Enter a batch name')
  .max(80, 'A batch name has at most 80 characters')
  .regex(/^[^\p{Cc}]*$/u, 'A batch name cannot contain line breaks, tabs or other control characters')
  .refine((name) => !unstorableCharacter(name), 'A batch name cannot contain broken characters (half of a character pair)')
  // The same rule without the u flag (Cc is U+0000-U+001F and U+007F-U+009F): the generator would print `/u` into the pattern.
  .openapi({ example: 'Open enrollment 2026', pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' });

/** cancelled: stopped by Cancel after the unit in flight (lines not reached stay as they were; a new run goes on). */
export const batchJobStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);
export type BatchJobStatus = z.infer<typeof batchJobStatus>;

/** One run of a batch process, as the pane polls it. */
export const batchJob = z
  .object({
    jobId: z.number().int(),
    batchName: z.string(),
    status: batchJobStatus,
    /** Lines this run processes (those not COMPLETE when it started). */
    total: z.number().int(),
    /** Lines finished so far (COMPLETE or ERROR). */
    done: z.number().int(),
    completed: z.number().int(),
    errors: z.number().int(),
    /** Why a failed run failed, in plain words. */
    message: z.string().nullable(),
  })
  .openapi('BatchJob');
export type BatchJob = z.infer<typeof batchJob>;

/** Starting a run: the same key on a retried request answers the same run instead of starting another. */
export const startBatchJobRequest = z.object({ idempotencyKey: z.uuid() }).openapi('StartBatchJobRequest');
export type StartBatchJobRequest = z.infer<typeof startBatchJobRequest>;

export const batchParams = z.object({ kind: z.string().max(100), batchName });
export const jobParams = batchParams.extend({ jobId: z.coerce.number().int().min(1) });

export const auditLogEntry = z
  .object({
    lineId: z.number().int(),
    /** The run that logged it; null for entries not made by a run (a life event backed out). */
    jobId: z.number().int().nullable(),
    level: z.enum(['ERROR', 'INFORMATION']),
    message: z.string(),
    loggedAt: z.string(),
  })
  .openapi('AuditLogEntry');
export type AuditLogEntry = z.infer<typeof auditLogEntry>;

export const auditLogResponse = z.object({ batchName: z.string(), entries: z.array(auditLogEntry) }).openapi('AuditLogResponse');
export type AuditLogResponse = z.infer<typeof auditLogResponse>;

/** One existing batch, as the pane lists them to pick from on Prepare. */
export const batchSummary = z
  .object({
    batchName: z.string(),
    lines: z.number().int(),
    /** When the batch process last started on it (ISO timestamp); null: never processed. */
    lastRun: z.string().nullable(),
    /** Its lines by Row Batch Status (NEW, COMPLETE, ERROR, BACKED OUT); statuses no line has are left out. */
    statusCounts: z.record(z.string(), z.number().int()),
  })
  .openapi('BatchSummary');
export type BatchSummary = z.infer<typeof batchSummary>;

export const batchListResponse = z.object({ batches: z.array(batchSummary) }).openapi('BatchListResponse');
export type BatchListResponse = z.infer<typeof batchListResponse>;

export const lineParams = batchParams.extend({ lineId: z.coerce.number().int().min(1).max(2_147_483_647) });

/** seed FAQ: a potential life event is started, closed, or voided when it was backed out. */
export const lifeEventStatus = z.enum(['STARTED', 'CLOSED', 'VOIDED']);
export type LifeEventStatus = z.infer<typeof lifeEventStatus>;

/** The potential life event a batch line processed: who, which event, its state and what backing it out would undo. */
export const batchLifeEvent = z
  .object({
    batchName: z.string(),
    /** The Batch Line ID asked about. */
    lineId: z.number().int(),
    personNumber: z.string(),
    personName: z.string().nullable(),
    lifeEvent: z.string(),
    occurredDate: isoDate,
    benefitRelationship: z.string(),
    /** null: the participant has no such potential life event (the line was never processed, or the voided event was deleted). */
    status: lifeEventStatus.nullable(),
    closedDate: isoDate.nullable(),
    /** When it was backed out (ISO timestamp), for a voided event. */
    voidedAt: z.string().nullable(),
    /** Batch Line IDs of this batch that belong to the life event. */
    lineIds: z.array(z.number().int()),
    /** What the life event holds now: a back-out removes these. */
    enrollments: z.number().int(),
    dependentDesignations: z.number().int(),
    beneficiaryDesignations: z.number().int(),
  })
  .openapi('BatchLifeEvent');
export type BatchLifeEvent = z.infer<typeof batchLifeEvent>;

export const backOutResponse = z
  .object({
    lifeEvent: batchLifeEvent,
    /** True when the event was already voided: nothing more was undone (a second back-out, or a retried request). */
    alreadyBackedOut: z.boolean(),
    removed: z.object({ enrollments: z.number().int(), dependentDesignations: z.number().int(), beneficiaryDesignations: z.number().int() }),
    /** Earlier enrollments the backed-out ones had end-dated, open again (or ended as before). */
    restoredEnrollments: z.number().int(),
    /** Batch Line IDs (of any batch) now BACKED OUT, with their batch. */
    backedOutLines: z.array(z.object({ batchName: z.string(), lineId: z.number().int() })),
    /** What happened, in plain words. */
    message: z.string(),
  })
  .openapi('BackOutResponse');
export type BackOutResponse = z.infer<typeof backOutResponse>;

export const deleteLifeEventResponse = z.object({ lifeEvent: batchLifeEvent, message: z.string() }).openapi('DeleteLifeEventResponse');
export type DeleteLifeEventResponse = z.infer<typeof deleteLifeEventResponse>;
