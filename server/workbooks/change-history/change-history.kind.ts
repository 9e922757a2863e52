/** Change History: the audit trail as a read-only sheet, for administrators (the rows route refuses anyone else). */
import { findChanges } from '../../audit/change-history.repository';
import type { ReadOnlyKind } from '../../engine/workbook-kind';
import { changeHistoryDefinition } from './definition';

export const changeHistoryKind: ReadOnlyKind = {
  definition: changeHistoryDefinition,
  async download(db, date, page) {
    // Keyset on the id, newest first: the place is the id; counted on the first page only.
    const afterId = page.after === undefined ? undefined : String(page.after[0]);
    const { entries, total } = await findChanges(db, { from: date, text: page.filter }, { afterId, limit: page.limit, population: page.population, search: page.search });
    return {
      ...(afterId === undefined ? { total } : {}),
      places: entries.map((e) => [e.id]),
      // Nothing is uploaded, so no version can conflict: every row is version 1.
      rows: entries.map((e) => ({
        key: e.id,
        version: 1,
        values: {
          changedAt: e.changedAt,
          username: e.username,
          workbook: e.kind,
          action: e.action,
          personNumber: e.personNumber,
          column: e.column,
          oldValue: e.oldValue,
          newValue: e.newValue,
          effectiveDate: e.effectiveDate,
          recordKey: e.recordKey,
          requestId: e.requestId,
        },
      })),
    };
  },
};
