import type { ColumnDefinition } from '../../../src/contract/api';
import type { ReadOnlyKind } from '../../engine/workbook-kind';

const shown = (key: string, header: string, type: ColumnDefinition['type'], width: number): ColumnDefinition => ({ key, header, type, editable: false, enterable: false, required: false, width });

/** One row per employee benefit record a rate change preview covers: what the run will do, then what it did. */
export const rateChangePreviewDefinition: ReadOnlyKind['definition'] = {
  kind: 'rate-change-preview',
  title: 'Rate Change Preview',
  description:
    'What a Global Benefit Rate Change does to each selected employee benefit record: its scenario (1 to 5), the old and the new employee, employer and total cost, and, after Run, the outcome. Preview it from the Global Benefit Rate Change panel.',
  scope: 'effective-date',
  role: 'batch-processor',
  readOnly: { reason: 'It shows a rate change preview. Change rates in the Benefit Rates workbook, preview again, then click Run rate change.' },
  filter: { label: 'Preview number', hint: 'The number of the preview to show (the Global Benefit Rate Change panel fills it in).' },
  columns: [
    shown('outcome', 'Outcome', 'text', 40),
    shown('scenario', 'Scenario', 'number', 9),
    shown('whatHappens', 'What Happens', 'text', 50),
    shown('personNumber', 'Person Number', 'text', 14),
    shown('personName', 'Person Name', 'text', 22),
    shown('employeeGroup', 'Employee Group', 'text', 18),
    shown('benefitId', 'Benefit ID', 'number', 9),
    shown('benefit', 'Benefit', 'text', 26),
    shown('coverageType', 'Coverage Type', 'text', 14),
    shown('rateId', 'Benefit Rate ID', 'number', 9),
    shown('startDate', 'Start Date', 'date', 12),
    shown('endDate', 'End Date', 'date', 12),
    shown('oldEmployee', 'Old Employee Portion', 'number', 12),
    shown('oldEmployer', 'Old Employer Portion', 'number', 12),
    shown('oldTotal', 'Old Total Cost', 'number', 12),
    shown('newEmployee', 'New Employee Portion', 'number', 12),
    shown('newEmployer', 'New Employer Portion', 'number', 12),
    shown('newTotal', 'New Total Cost', 'number', 12),
  ],
};
