import type { ColumnDefinition } from '../../../src/contract/api';
import type { ReadOnlyKind } from '../../engine/workbook-kind';
import { BATCH_FILTER } from '../enrollment-batches/batch-participants';

const shown = (key: string, header: string, type: ColumnDefinition['type'], width: number): ColumnDefinition => ({ key, header, type, editable: false, enterable: false, required: false, width });

export const participantContactsDefinition: ReadOnlyKind['definition'] = {
  kind: 'participant-contacts',
  title: 'Contacts',
  description:
    'See each participant’s contacts that a Dependent or Beneficiary Designation line can name (by the participant’s Person Number and the contact’s Date of Birth), and where each is designated on the session effective date.',
  scope: 'effective-date',
  readOnly: { reason: 'Contacts are maintained in the application (Manage Contacts); this sheet shows them so that batch lines can name them.' },
  filter: BATCH_FILTER,
  search: { group: { label: 'Relationship', hint: 'Only contacts of this relationship (Spouse, Child…).' } },
  columns: [
    shown('personNumber', 'Person Number', 'text', 14),
    shown('personName', 'Person Name', 'text', 22),
    shown('contactName', 'Contact Name', 'text', 24),
    shown('relationship', 'Relationship', 'text', 14),
    shown('dateOfBirth', 'Date of Birth', 'date', 14),
    shown('onALine', 'How a Line Names This Contact', 'text', 48),
    shown('designations', 'Designated On Session Date', 'text', 36),
  ],
};
