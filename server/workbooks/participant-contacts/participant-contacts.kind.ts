/**
 * Contacts: the people a Dependent or Beneficiary Designation line can name. A line names a contact by the
 * participant's Person Number and the contact's Date of Birth (see enrollment-batches' processing), so a contact
 * sharing a birth date with another of the participant's contacts cannot be named on a line. Read-only.
 */
import { toDownloadPage, type ReadOnlyKind } from '../../engine/workbook-kind';
import { filteredBatchId } from '../enrollment-batches/batch-participants';
import { participantContactsDefinition } from './definition';
import { findContactPage, type ContactRow } from './participant-contacts.repository';

function onALine(r: ContactRow): string {
  if (!r.same_birth_date) return `Person Number ${r.person_number} and this Date of Birth`;
  return `Cannot be named on a line: ${r.same_birth_date} has the same date of birth. Designate this contact in the application.`;
}

export const participantContactsKind: ReadOnlyKind = {
  definition: participantContactsDefinition,

  async download(db, date, page) {
    const batchId = await filteredBatchId(db, page.filter);
    const { rows, total } = await findContactPage(db, date, { after: page.after, limit: page.limit, batchId, population: page.population, search: page.search });
    return toDownloadPage({ total, rows: rows.map((r) => ({ ...r, version: 1 })) }, (r) => ({
      personNumber: r.person_number,
      personName: r.person_name,
      contactName: r.contact_name,
      relationship: r.relationship,
      dateOfBirth: r.date_of_birth,
      onALine: onALine(r),
      designations: r.designations,
    }));
  },
};
