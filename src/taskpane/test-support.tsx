/** What the pane's component tests share: a Fluent provider around the UI, and the parts of a browser jsdom lacks. */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { BackOutResponse, BatchJob, BatchLifeEvent } from '../contract/api';
import type { FailedRow, SheetInfo, UploadSummary, WorkbookEngine } from '../engine/engine-types';

// jsdom has no ResizeObserver, which Fluent's MessageBar uses for its layout; an inert one fills that gap.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

export const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

export const failedRow = (row: number, header: string, message: string): FailedRow => ({
  row,
  excelRow: row + 1,
  status: 'Upload Failed',
  errors: [{ column: header.toLowerCase().replace(/\s+/g, ''), header, message }],
});

export const sheetInfo: SheetInfo = { sheet: 'Person Benefit Groups', kind: 'person-benefit-groups', title: 'Person Benefit Groups', scope: 'effective-date', effectiveDate: '2026-01-01' };

export const batchSheetInfo: SheetInfo = { sheet: 'Benefit Enrollments', kind: 'benefit-enrollments', title: 'Benefit Enrollments', scope: 'batch', batchName: 'Open enrollment 2026' };

export const batchJob = (j: Partial<BatchJob>): BatchJob => ({ jobId: 1, batchName: 'Open enrollment 2026', status: 'completed', total: 0, done: 0, completed: 0, errors: 0, message: null, ...j });

export const summary = (s: Partial<UploadSummary>): UploadSummary => ({ inserted: 0, updated: 0, deleted: 0, failed: 0, unchanged: 0, failedRows: [], ...s });

export const lifeEvent = (e: Partial<BatchLifeEvent>): BatchLifeEvent => ({
  batchName: 'Open enrollment 2026',
  lineId: 3,
  personNumber: 'P10001',
  personName: 'Ada Lovelace',
  lifeEvent: 'Marriage',
  occurredDate: '2021-06-01',
  benefitRelationship: 'Default',
  status: 'CLOSED',
  closedDate: '2021-06-01',
  voidedAt: null,
  lineIds: [3, 4],
  enrollments: 1,
  dependentDesignations: 1,
  beneficiaryDesignations: 0,
  ...e,
});

export const backOut = (r: Partial<BackOutResponse>): BackOutResponse => ({
  lifeEvent: lifeEvent({ status: 'VOIDED', voidedAt: '2026-12-01T10:00:00.000Z', enrollments: 0, dependentDesignations: 0 }),
  alreadyBackedOut: false,
  removed: { enrollments: 1, dependentDesignations: 1, beneficiaryDesignations: 0 },
  restoredEnrollments: 1,
  backedOutLines: [3, 4].map((lineId) => ({ batchName: 'Open enrollment 2026', lineId })),
  message: 'Backed out the life event Marriage of 2021-06-01 for P10001 (Default relationship).',
  ...r,
});

/** Stands in for the engine's interface in component tests (the engine itself is tested against real parts). */
export function engineStub(overrides: Partial<WorkbookEngine> = {}): jest.Mocked<WorkbookEngine> {
  const engine: WorkbookEngine = {
    definitions: async () => [],
    batches: async () => [],
    prepare: async () => sheetInfo,
    activeSheetInfo: async () => sheetInfo,
    refresh: async () => sheetInfo,
    markSelectedRowsForDeletion: async () => 0,
    countMarkedRows: async () => 0,
    markedRowLabels: async () => [],
    unsentRowCount: async () => 0,
    unsentBeforePrepare: async () => 0,
    revertSelectedRows: async () => 0,
    deleteMarkedRows: async () => summary({}),
    upload: async () => summary({}),
    retryFailedRows: async () => summary({}),
    checkChanges: async () => ({ willInsert: 0, willUpdate: 0, willDelete: 0, willFail: 0, failInProcessing: 0, failedRows: [], warnedRows: [], notChecked: 0 }),
    useSuggestion: async () => 1,
    rowErrors: async () => undefined,
    failedRows: async () => [],
    selectRow: async () => undefined,
    processBatch: async () => batchJob({}),
    auditLog: async () => [],
    selectedLifeEvent: async () => lifeEvent({}),
    backOutLifeEvent: async () => backOut({}),
    deleteVoidedLifeEvent: async () => ({ lifeEvent: lifeEvent({ status: null }), message: 'Deleted the voided potential life event.' }),
    sortRows: async () => undefined,
    conflicts: async () => [],
    resolveConflict: async (_sheet, row, _key, choice) => ({ choice, excelRow: row + 1 }),
    ...overrides,
  };
  const mocked: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(engine)) mocked[name] = jest.fn(call as (...args: never[]) => unknown);
  return mocked as unknown as jest.Mocked<WorkbookEngine>;
}
