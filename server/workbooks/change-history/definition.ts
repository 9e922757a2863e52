import type { ColumnDefinition } from '../../../src/contract/api';
import type { ReadOnlyKind } from '../../engine/workbook-kind';

const shown = (key: string, header: string, type: ColumnDefinition['type'], width: number, identifying = false): ColumnDefinition => ({
  key, header, type, editable: false, enterable: false, required: false, width, ...(identifying ? { identifying } : {}),
});

/** The audit trail as a sheet: one row per changed column, newest first. */
export const changeHistoryDefinition: ReadOnlyKind['definition'] = {
  kind: 'change-history',
  title: 'Change History',
  description: 'Administrators: every change made by uploads, deletions, batch processing and back-outs on or after the session effective date, newest first: who, when, which workbook, record, person and column, the old and the new value.',
  scope: 'effective-date',
  role: 'administrator',
  readOnly: { reason: 'It is the audit trail: it records what was changed and cannot itself be changed.' },
  filter: { label: 'Person number, user or workbook', hint: 'Only the changes of this person number, user name or workbook (such as person-benefit-groups). Leave it empty for every change.' },
  columns: [
    shown('changedAt', 'Changed At', 'text', 22, true),
    shown('username', 'User', 'text', 16, true),
    shown('workbook', 'Workbook', 'text', 22),
    shown('action', 'Action', 'text', 10),
    shown('personNumber', 'Person Number', 'text', 14),
    shown('column', 'Column', 'text', 20),
    shown('oldValue', 'Old Value', 'text', 24),
    shown('newValue', 'New Value', 'text', 24),
    shown('effectiveDate', 'Effective Date', 'date', 14),
    shown('recordKey', 'Record Key', 'text', 24),
    shown('requestId', 'Request', 'text', 38),
  ],
};
