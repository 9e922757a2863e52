/** Rate Change Preview: a preview's lines as a read-only sheet (filter: the preview number), with each line's outcome once run. */
import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { END_OF_TIME } from '../../engine/effective-dating';
import { personNumberVisible } from '../../engine/population';
import type { ReadOnlyKind } from '../../engine/workbook-kind';
import { rateChangePreviewDefinition } from './definition';
import { whatHappens, type PreviewLine } from './rate-change-lines';
import type { Costs, Scenario } from './rate-change-scenarios';

type Row = { line_no: number; record_start: string; person_number: string; scenario: Scenario; old_costs: Costs; new_costs: Costs | null; facts: PreviewLine['facts']; outcome: string | null; total: string };

export const rateChangePreviewKind: ReadOnlyKind = {
  definition: rateChangePreviewDefinition,
  async download(db, _date, page) {
    const previewId = Number(page.filter);
    if (!page.filter || !Number.isInteger(previewId) || previewId <= 0) {
      throw new AppError('not_found', `Preview number: "${page.filter ?? ''}" is not a rate change preview. Preview the rate change from the Global Benefit Rate Change panel.`);
    }
    const preview = (await sql<{ new_rate_start: string }>`select new_rate_start::text as new_rate_start from rate_change_previews where id = ${previewId}`.execute(db)).rows[0];
    if (!preview) throw new AppError('not_found', `There is no rate change preview ${previewId}. Preview the rate change again.`);
    const after = page.after === undefined ? 0 : Number(page.after[0]);
    const rows = (await sql<Row>`
      select line_no, record_start::text as record_start, person_number, scenario, old_costs, new_costs, facts, outcome, count(*) over () as total
      from rate_change_lines
      where preview_id = ${previewId} and line_no > ${after} and ${personNumberVisible(page.population, sql`person_number`, sql`${preview.new_rate_start}::date`)}
      order by line_no limit ${page.limit}`.execute(db)).rows;
    return {
      ...(after === 0 ? { total: Number(rows[0]?.total ?? 0) } : {}),
      places: rows.map((r) => [r.line_no]),
      rows: rows.map((r) => ({
        key: `${previewId}-${r.line_no}`,
        version: 1,
        values: {
          outcome: r.outcome ?? 'Not run yet',
          scenario: r.scenario,
          whatHappens: whatHappens(r),
          personNumber: r.person_number,
          personName: r.facts.personName,
          employeeGroup: r.facts.employeeGroup,
          benefitId: r.facts.benefitId,
          benefit: r.facts.benefitName,
          coverageType: r.facts.coverageType,
          rateId: r.facts.rateId,
          startDate: r.record_start,
          endDate: r.facts.end === END_OF_TIME ? null : r.facts.end,
          oldEmployee: r.old_costs.employee,
          oldEmployer: r.old_costs.employer,
          oldTotal: r.old_costs.total,
          newEmployee: r.new_costs?.employee ?? null,
          newEmployer: r.new_costs?.employer ?? null,
          newTotal: r.new_costs?.total ?? null,
        },
      })),
    };
  },
};
