/** Enrollment Results: what processing produced, per participant, to check a batch without another system. Read-only. */
import { toDownloadPage, type ReadOnlyKind } from '../../engine/workbook-kind';
import { filteredBatchId } from '../enrollment-batches/batch-participants';
import { enrollmentResultsDefinition } from './definition';
import { findResultPage } from './enrollment-results.repository';

const amount = (v: string | null) => (v === null ? null : Number(v));

export const enrollmentResultsKind: ReadOnlyKind = {
  definition: enrollmentResultsDefinition,

  async download(db, date, page) {
    const batchId = await filteredBatchId(db, page.filter);
    const { rows, total } = await findResultPage(db, date, { after: page.after, limit: page.limit, batchId, population: page.population, search: page.search });
    // Nothing is uploaded, so no version can conflict: every row is version 1.
    return toDownloadPage({ total, rows: rows.map((r) => ({ ...r, version: 1 })) }, (r) => ({
      personNumber: r.person_number,
      personName: r.person_name,
      recordType: r.record_type,
      programName: r.program_name,
      planName: r.plan_name,
      optionName: r.option_name,
      lifeEvent: r.life_event,
      lifeEventOccurredDate: r.life_event_occurred_date,
      lifeEventStatus: r.life_event_status,
      lifeEventClosedDate: r.life_event_closed_date,
      benefitRelationship: r.benefit_relationship,
      rateAmount: amount(r.rate_amount),
      coverageAmount: amount(r.coverage_amount),
      contactName: r.contact_name,
      dateOfBirth: r.date_of_birth,
      beneficiaryOrganization: r.beneficiary_organization,
      primaryBeneficiaryPercentage: amount(r.primary_percentage),
      contingentBeneficiaryPercentage: amount(r.contingent_percentage),
      beneficiaryAmount: amount(r.beneficiary_amount),
      startDate: r.start_date,
      endDate: r.end_date,
      batchName: r.batch_name,
      batchLineId: r.batch_line_id,
    }));
  },
};
