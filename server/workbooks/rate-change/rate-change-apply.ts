/**
 * One unit of a rate change run, in the runner's transaction: the next preview lines after the run's keyset, each
 * record locked and checked against what the preview saw, then changed set-based (seed: Scenario 1 end-dates the
 * prior record the day before and starts a new record on the date with the new rates; Scenario 2 updates the
 * record in place; 3, 4 and 5 change nothing). Payroll deductions are never touched (seed). Every change goes to
 * the audit trail in the same transaction.
 */
import { sql } from 'kysely';
import { recordChanges, type Change } from '../../engine/audit';
import type { LeasedJob } from '../../engine/leased-jobs';
import { personVisible } from '../../engine/population';
import type { Db } from '../../engine/workbook-kind';
import type { Costs } from './rate-change-scenarios';
import type { PreviewLine } from './rate-change-lines';

export type RunContext = LeasedJob<{ previewId: number; newRateStart: string }, number>;

type LineRow = { line_no: number; record_key: string; record_start: string; person_number: string; scenario: number; action: PreviewLine['action']; old_costs: Costs; new_costs: Costs | null; facts: PreviewLine['facts'] };
type Current = { key: string; start: string; end: string; version: number; visible: boolean };

const money = (n: number) => n.toFixed(2);

/** The last line of the run's next unit (the next `unitSize` lines not yet run); undefined when none is left. */
export async function lastLineOfUnit(db: Db, run: RunContext): Promise<number | undefined> {
  const row = (
    await sql<{ last: number | null }>`
      select max(line_no) as last from (
        select line_no from rate_change_lines where preview_id = ${run.previewId} and line_no > ${run.after ?? 0} and processed_by_job is null
        order by line_no limit ${run.unitSize}) unit`.execute(db)
  ).rows[0];
  return row?.last ?? undefined;
}

/** Applies the run's lines after its keyset up to `lastLine` (one unit). */
export async function applyLines(db: Db, run: RunContext, lastLine: number): Promise<{ done: number; changed: number }> {
  const lines = (
    await sql<LineRow>`
      select line_no, record_key, record_start::text as record_start, person_number, scenario, action, old_costs, new_costs, facts
      from rate_change_lines where preview_id = ${run.previewId} and line_no > ${run.after ?? 0} and line_no <= ${lastLine} and processed_by_job is null
      order by line_no`.execute(db)
  ).rows;
  const changing = lines.filter((l) => l.action !== 'none');
  const keys = [...new Set(changing.map((l) => l.record_key))];
  // Locked in key order, as uploads lock them, so a run and an upload never deadlock.
  const current = keys.length === 0 ? [] : (
    await sql<Current>`
      select eb.key, eb.effective_start_date::text as start, eb.effective_end_date::text as "end",
        (select max(v.version) from employee_benefits v where v.key = eb.key)::integer as version,
        ${personVisible(run.population, sql`eb.person_id`, sql`${run.newRateStart}::date`)} as visible
      from employee_benefits eb where eb.key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
      order by eb.key, eb.effective_start_date for update of eb`.execute(db)
  ).rows;
  const byRecord = new Map(current.map((c) => [`${c.key}|${c.start}`, c]));
  const outcomes = new Map<number, { outcome: string; applied: boolean }>();
  const splits: LineRow[] = [];
  const updates: LineRow[] = [];
  for (const line of lines) {
    if (line.action === 'none') {
      outcomes.set(line.line_no, { outcome: line.facts.note ?? `No change (scenario ${line.scenario}).`, applied: false });
      continue;
    }
    const now = byRecord.get(`${line.record_key}|${line.record_start}`);
    if (!now || !now.visible || now.end !== line.facts.end || Number(now.version) !== line.facts.version) {
      const why = !now ? 'it was deleted' : !now.visible ? 'you no longer have access to this person' : 'someone changed it';
      outcomes.set(line.line_no, { outcome: `Not changed: ${why} after the preview. Preview again to include it.`, applied: false });
      continue;
    }
    (line.action === 'split' ? splits : updates).push(line);
    outcomes.set(line.line_no, {
      outcome: line.action === 'split' ? `Changed: end-dated ${line.facts.priorEnd}; new record from ${run.newRateStart} with the new rates.` : 'Changed: updated in place with the new rates.',
      applied: true,
    });
  }
  await writeChanges(db, run, splits, updates);
  const payload = lines.map((l) => ({ line_no: l.line_no, ...(outcomes.get(l.line_no) as { outcome: string; applied: boolean }) }));
  await sql`
    update rate_change_lines l set outcome = v.outcome, applied = v.applied, processed_by_job = ${run.jobId}
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(line_no integer, outcome text, applied boolean)
    where l.preview_id = ${run.previewId} and l.line_no = v.line_no`.execute(db);
  return { done: lines.length, changed: payload.filter((p) => p.applied).length };
}

function changeRows(l: LineRow) {
  const c = l.new_costs as Costs;
  return {
    key: l.record_key,
    start: l.record_start,
    version: l.facts.version + 1,
    total: c.total,
    employee: c.employee,
    employer: c.employer,
    employee_percent: l.facts.percents?.employee ?? null,
    employer_percent: l.facts.percents?.employer ?? null,
  };
}

async function writeChanges(db: Db, run: RunContext, splits: LineRow[], updates: LineRow[]): Promise<void> {
  const recordset = sql`as v(key text, start date, version integer, total numeric, employee numeric, employer numeric, employee_percent numeric, employer_percent numeric)`;
  if (splits.length > 0) {
    const rows = JSON.stringify(splits.map(changeRows));
    // The new record copies the prior one (person, position, benefit, rate ID, face value, funding source) with the new rates.
    await sql`
      insert into employee_benefits (key, effective_start_date, effective_end_date, version, person_id, assignment_id, rate_id, benefit_id,
        allocation, total_cost, employee_portion, employer_portion, employee_percent, employer_percent, face_value, funding_source)
      select eb.key, ${run.newRateStart}::date, eb.effective_end_date, v.version, eb.person_id, eb.assignment_id, eb.rate_id, eb.benefit_id,
        case when v.employee_percent is null then 'Dollar' else 'Percent' end, v.total, v.employee, v.employer, v.employee_percent, v.employer_percent,
        eb.face_value, eb.funding_source
      from jsonb_to_recordset(${rows}::jsonb) ${recordset} join employee_benefits eb on eb.key = v.key and eb.effective_start_date = v.start`.execute(db);
    await sql`
      update employee_benefits eb set effective_end_date = ${run.newRateStart}::date - 1
      from jsonb_to_recordset(${rows}::jsonb) ${recordset} where eb.key = v.key and eb.effective_start_date = v.start`.execute(db);
  }
  if (updates.length > 0) {
    await sql`
      update employee_benefits eb set version = v.version, total_cost = v.total, employee_portion = v.employee, employer_portion = v.employer,
        employee_percent = v.employee_percent, employer_percent = v.employer_percent,
        allocation = case when v.employee_percent is null then 'Dollar' else 'Percent' end
      from jsonb_to_recordset(${JSON.stringify(updates.map(changeRows))}::jsonb) ${recordset} where eb.key = v.key and eb.effective_start_date = v.start`.execute(db);
  }
  const changes: Change[] = [...splits, ...updates].flatMap((l) => audit(l, run.newRateStart));
  await recordChanges(db, { username: run.startedBy, requestId: run.requestId }, changes);
}

function audit(l: LineRow, newRateStart: string): Change[] {
  const c = l.new_costs as Costs;
  const base = { kind: 'employee-benefits', action: 'process' as const, recordKey: l.record_key, personNumber: l.person_number, effectiveDate: newRateStart };
  const costs = [
    { column: 'Employee Portion', oldValue: money(l.old_costs.employee), newValue: money(c.employee) },
    { column: 'Employer Portion', oldValue: money(l.old_costs.employer), newValue: money(c.employer) },
    { column: 'Total Cost', oldValue: money(l.old_costs.total), newValue: money(c.total) },
  ].filter((x) => x.oldValue !== x.newValue);
  if (l.action === 'update') return costs.map((x) => ({ ...base, ...x }));
  return [{ ...base, column: 'End Date', oldValue: null, newValue: l.facts.priorEnd }, ...costs.map((x) => ({ ...base, ...x }))];
}
