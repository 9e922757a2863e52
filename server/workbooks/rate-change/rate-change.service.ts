/**
 * Global Benefit Rate Change (seed: nVision): preview what a new rate does to each selected employee benefit
 * record, then run exactly that preview as a leased job (one run at a time). The story of each use case reads top
 * to bottom: check the choices, compute, save.
 */
import { sql } from 'kysely';
import type { RateChangeCriteria, RateChangePreview, RateChangeRun, ScenarioTotal } from '../../../src/contract/rate-change';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../engine/actor';
import { populationOf, visiblePersonNumbers } from '../../engine/population';
import type { Db } from '../../engine/workbook-kind';
import { fingerprintOf, previewLines, type PreviewLine } from './rate-change-lines';
import { findChoices, findCoveredRecords } from './rate-change-preview.repository';
import { SCENARIO_WORDS, type Scenario } from './rate-change-scenarios';

export const PREVIEW_KIND = 'rate-change-preview';
/** seed "How are Payroll Deduction Records Impacted?" */
export const PAYROLL_NOTE =
  'Payroll deductions are not changed by a rate change. If employee costs went up or down, tell Payroll so they can change the deduction amounts; otherwise the deductions stay the same.';

const SCENARIOS: Scenario[] = [1, 2, 3, 4, 5];

async function checkChoices(db: Db, criteria: RateChangeCriteria, actor: Actor): Promise<void> {
  const choices = await findChoices(db, criteria.newRateStart);
  if (criteria.employeeGroups !== 'All') {
    const unknown = criteria.employeeGroups.filter((g) => !choices.employeeGroups.includes(g));
    if (unknown.length > 0) throw new AppError('bad_request', `Employee Group(s): there is no employee group named ${unknown.map((u) => `"${u}"`).join(', ')} on ${criteria.newRateStart}. Pick groups from the list.`);
  }
  if (criteria.benefits !== 'All') {
    const unknown = criteria.benefits.filter((b) => !choices.benefits.some((c) => c.id === b));
    if (unknown.length > 0) throw new AppError('bad_request', `Benefit(s): there is no benefit with Benefit ID ${unknown.join(', ')}. Pick benefits from the list.`);
  }
  if (criteria.employees !== 'All') {
    const pairs = criteria.employees.map((personNumber) => ({ personNumber, date: criteria.newRateStart }));
    const known = new Set((await sql<{ person_number: string }>`select person_number from persons where person_number in (select jsonb_array_elements_text(${JSON.stringify(criteria.employees)}::jsonb))`.execute(db)).rows.map((r) => r.person_number));
    const visible = await visiblePersonNumbers(db, actor.population, pairs.filter((p) => known.has(p.personNumber)));
    // A person outside the user's population answers like an unknown one.
    const unknown = criteria.employees.filter((p) => !visible.has(`${p}|${criteria.newRateStart}`));
    if (unknown.length > 0) throw new AppError('bad_request', `Employee(s): there is no person with the number ${unknown.map((u) => `"${u}"`).join(', ')}. Check the person numbers.`);
  }
}

async function computeLines(db: Db, criteria: RateChangeCriteria, actor: Pick<Actor, 'population'>): Promise<PreviewLine[]> {
  return previewLines(await findCoveredRecords(db, criteria, actor.population), criteria.newRateStart);
}

export async function createPreview(db: Db, criteria: RateChangeCriteria, actor: Actor): Promise<RateChangePreview> {
  await checkChoices(db, criteria, actor);
  return db.transaction().execute(async (trx) => {
    const lines = await computeLines(trx, criteria, actor);
    const inserted = await sql<{ id: number }>`
      insert into rate_change_previews (new_rate_start, selection, fingerprint, created_by, data_access)
      values (${criteria.newRateStart}, ${JSON.stringify(criteria)}::jsonb, ${fingerprintOf(lines)}, ${actor.username}, ${actor.population?.groups.join(';') ?? null})
      returning id`.execute(trx);
    const previewId = inserted.rows[0].id;
    if (lines.length > 0) {
      const payload = lines.map((l) => ({ line_no: l.lineNo, record_key: l.recordKey, record_start: l.recordStart, person_number: l.personNumber, scenario: l.scenario, action: l.action, old_costs: l.oldCosts, new_costs: l.newCosts, facts: l.facts }));
      await sql`
        insert into rate_change_lines (preview_id, line_no, record_key, record_start, person_number, scenario, action, old_costs, new_costs, facts)
        select ${previewId}, v.line_no, v.record_key, v.record_start, v.person_number, v.scenario, v.action, v.old_costs, v.new_costs, v.facts
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
          as v(line_no integer, record_key text, record_start date, person_number text, scenario integer, action text, old_costs jsonb, new_costs jsonb, facts jsonb)`.execute(trx);
    }
    return { previewId, newRateStart: criteria.newRateStart, total: lines.length, byScenario: await scenarioTotals(trx, previewId, 'preview'), sheet: { kind: PREVIEW_KIND, filter: String(previewId) } };
  });
}

type PreviewRow = { id: number; new_rate_start: string; selection: RateChangeCriteria; fingerprint: string; data_access: string | null };

/** The user's own preview; another user's answers as one that does not exist. */
export async function findPreview(db: Db, previewId: number, actor: Actor): Promise<PreviewRow> {
  const row = (await sql<PreviewRow>`
    select id, new_rate_start::text as new_rate_start, selection, fingerprint, data_access from rate_change_previews
    where id = ${previewId} and created_by = ${actor.username}`.execute(db)).rows[0];
  if (!row) throw new AppError('not_found', `There is no rate change preview ${previewId} of yours. Preview the rate change first.`);
  return row;
}

async function scenarioTotals(db: Db, previewId: number, of: 'preview' | number): Promise<ScenarioTotal[]> {
  const counted = sql`${of === 'preview' ? sql`action <> 'none'` : sql`applied and processed_by_job = ${of}`}`;
  const rows = (await sql<{ scenario: number; records: string; changed: string }>`
    select scenario, count(*) as records, count(*) filter (where ${counted}) as changed
    from rate_change_lines where preview_id = ${previewId} group by scenario`.execute(db)).rows;
  return SCENARIOS.map((s) => {
    const row = rows.find((r) => Number(r.scenario) === s);
    return { scenario: s, words: SCENARIO_WORDS[s], records: Number(row?.records ?? 0), changed: Number(row?.changed ?? 0) };
  });
}

type RunRow = { id: number; preview_id: number; new_rate_start: string; status: RateChangeRun['status']; total: number; done: number; changed: number; message: string | null; started_by: string };
const runColumns = sql`j.id, j.preview_id, p.new_rate_start::text as new_rate_start, j.status, j.total, j.done, j.changed, j.message, j.started_by`;

async function toRun(db: Db, row: RunRow): Promise<RateChangeRun> {
  return {
    runId: row.id, previewId: row.preview_id, newRateStart: row.new_rate_start, status: row.status, total: row.total, done: row.done, changed: row.changed,
    byScenario: await scenarioTotals(db, row.preview_id, row.id), message: row.message, payroll: PAYROLL_NOTE,
  };
}

async function findRun(db: Db, where: ReturnType<typeof sql>): Promise<RunRow | undefined> {
  return (await sql<RunRow>`select ${runColumns} from rate_change_jobs j join rate_change_previews p on p.id = j.preview_id where ${where}`.execute(db)).rows[0];
}

export async function getRun(db: Db, runId: number, actor: Actor): Promise<RateChangeRun> {
  const row = await findRun(db, sql`j.id = ${runId} and p.created_by = ${actor.username}`);
  if (!row) throw new AppError('not_found', `There is no rate change run ${runId} of yours.`);
  return toRun(db, row);
}

const busy = (other: RunRow) =>
  new AppError('conflict', `Another rate change is running (run ${other.id}, started by ${other.started_by}, new rate from ${other.new_rate_start}). Wait until it finishes, then preview again and run.`);

/**
 * Runs the preview as it was: the same request key answers its own run; a preview already run answers that run; a
 * preview whose records changed since is refused (preview again); another rate change still going is refused.
 */
export async function startRun(db: Db, previewId: number, idempotencyKey: string, actor: Actor): Promise<{ run: RateChangeRun; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const same = await findRun(trx, sql`j.idempotency_key = ${idempotencyKey}`);
    if (same) {
      if (same.preview_id !== previewId) throw new AppError('conflict', 'This request key was already used to run another preview. Click Run again.');
      return { run: await toRun(trx, same), created: false };
    }
    const preview = await findPreview(trx, previewId, actor);
    const ran = await findRun(trx, sql`j.preview_id = ${previewId} and j.status <> 'failed' order by j.id desc limit 1`);
    if (ran) return { run: await toRun(trx, ran), created: false };
    const active = await findRun(trx, sql`j.status in ('queued', 'running')`);
    if (active) throw busy(active);
    const lines = await computeLines(trx, preview.selection, { population: populationOf(preview.data_access) });
    if (fingerprintOf(lines) !== preview.fingerprint) {
      throw new AppError('conflict', 'The records or rates changed since this preview, so it no longer shows what a run would do. Preview the rate change again, check it, then run it.');
    }
    const inserted = await sql<{ id: number }>`
      insert into rate_change_jobs (preview_id, idempotency_key, status, total, started_by, data_access)
      values (${previewId}, ${idempotencyKey}, 'queued', ${lines.length}, ${actor.username}, ${preview.data_access})
      on conflict do nothing returning id`.execute(trx);
    const id = inserted.rows[0]?.id;
    if (id === undefined) {
      // Another run started between our look and our insert (the one-at-a-time index held us until it committed).
      const other = await findRun(trx, sql`j.status in ('queued', 'running')`);
      if (other && other.preview_id === previewId) return { run: await toRun(trx, other), created: false };
      throw busy(other ?? ({ id: 0, started_by: 'another user', new_rate_start: preview.new_rate_start } as RunRow));
    }
    return { run: await toRun(trx, (await findRun(trx, sql`j.id = ${id}`)) as RunRow), created: true };
  });
}
