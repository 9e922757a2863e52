/** Test helpers for enrollment batches over HTTP: line builders for the demo people, upload, download and process. */
import { randomUUID } from 'node:crypto';
import type { BatchJob, CellValue } from '../../../src/contract/api';
import { createJobRunner, type JobRunner } from '../../engine/batch-jobs';
import { batchKinds } from '../../engine/registry';
import type { Harness } from '../../test-support/api-harness';

export const KIND = 'benefit-enrollments';
type Line = Record<string, CellValue>;

/** P10001's contacts: spouse born 1970-04-15, child 2005-09-01 (P10002: 1971-04-15 and 2006-09-01, and so on). */
export const SPOUSE_OF_P10001 = '1970-04-15';
export const CHILD_OF_P10001 = '2005-09-01';

export const enrollment = (personNumber: string, more: Line = {}): Line => ({
  enrollmentType: 'Participant Enrollment',
  effectiveDate: '2020-01-01',
  personNumber,
  programName: 'Health and Welfare',
  planName: 'Medical',
  optionName: 'Employee Only',
  lifeEvent: 'New Hire',
  lifeEventOccurredDate: '2020-01-01',
  createPotentialLifeEvent: 'Yes',
  benefitRelationship: 'Default',
  closeLifeEvent: 'Yes',
  ...more,
});

export const dependent = (personNumber: string, dateOfBirth: string, more: Line = {}): Line => ({
  ...enrollment(personNumber),
  enrollmentType: 'Dependent Designation',
  optionName: null,
  createPotentialLifeEvent: null,
  closeLifeEvent: 'No',
  dateOfBirth,
  ...more,
});

export const beneficiary = (personNumber: string, more: Line = {}): Line => ({
  ...enrollment(personNumber),
  enrollmentType: 'Beneficiary Designation',
  planName: 'Basic Life',
  optionName: null,
  createPotentialLifeEvent: null,
  closeLifeEvent: 'No',
  ...more,
});

export type Result = { rowId: number; status: string; key?: string; version?: number; errors: Array<{ column?: string; message: string }>; values?: Line };

export function batchClient(h: Harness) {
  return {
    /** Uploads new lines (rowId = index) and returns each row's result. */
    async insert(batchName: string, lines: Line[], auditLog?: boolean): Promise<Result[]> {
      const rows = lines.map((values, rowId) => ({ rowId, op: 'insert', values }));
      return (await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), batchName, auditLog, rows }).expect(200)).body.results;
    },
    async send(batchName: string, rows: object[]): Promise<Result[]> {
      return (await h.post(`/api/workbooks/${KIND}/uploads`, { idempotencyKey: randomUUID(), batchName, rows }).expect(200)).body.results;
    },
    async lines(batchName: string): Promise<Array<{ key: string; version: number; values: Line }>> {
      return (await h.get(`/api/workbooks/${KIND}/rows`, { batchName, limit: 10000 }).expect(200)).body.rows;
    },
    /** The line with this Batch Line ID. */
    async line(batchName: string, lineId: number) {
      const found = (await this.lines(batchName)).find((l) => l.values.batchLineId === lineId);
      if (!found) throw new Error(`no line ${lineId} in ${batchName}`);
      return found;
    },
    start(batchName: string, idempotencyKey: string = randomUUID()) {
      return h.post(`/api/workbooks/${KIND}/batches/${encodeURIComponent(batchName)}/jobs`, { idempotencyKey });
    },
    async job(batchName: string, jobId: number): Promise<BatchJob> {
      return (await h.get(`/api/workbooks/${KIND}/batches/${encodeURIComponent(batchName)}/jobs/${jobId}`).expect(200)).body;
    },
    /** Starts a run, lets a runner process it to the end, and returns the finished run. */
    async process(batchName: string, runner: JobRunner = createJobRunner(h.database.db, batchKinds)): Promise<BatchJob> {
      const started = (await this.start(batchName).expect((r) => expect([200, 202]).toContain(r.status))).body as BatchJob;
      await runner.drain();
      return this.job(batchName, started.jobId);
    },
  };
}
