/**
 * Pure effective-dating rules shared by every effective-dated workbook kind (seed: "Uploading Edits").
 * No database here: given a row and the key's records, decide what to write.
 */
import type { RowError } from '../../src/contract/api';

export const END_OF_TIME = '4712-12-31';
/** The earliest date the server accepts (PostgreSQL has no year 0; Excel dates start in 1900). */
export const EARLIEST_DATE = '1800-01-01';

export interface DatedRecord {
  effectiveStartDate: string;
  effectiveEndDate: string;
  version: number;
}

export type Decision =
  | { type: 'insert'; start: string; end: string; version: number }
  | { type: 'correct'; start: string; end: string; version: number }
  | { type: 'split'; oldStart: string; oldEnd: string; start: string; end: string; version: number }
  | { type: 'delete' }
  | { type: 'fail'; status: 'Upload Failed' | 'Conflict'; errors: RowError[] };

const lastDayBefore = { date: '', before: '' };

/** A chunk asks it of one session date 2,000 times: the last answer is kept. */
export function dayBefore(isoDate: string): string {
  if (lastDayBefore.date === isoDate) return lastDayBefore.before;
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const before = d.toISOString().slice(0, 10);
  Object.assign(lastDayBefore, { date: isoDate, before });
  return before;
}

export function currentVersion(records: DatedRecord[]): number {
  return records.reduce((max, r) => Math.max(max, r.version), 0);
}

/** A row whose record changed or went since download is a Conflict, whatever the other user did (edit or delete). */
function staleCheck(records: DatedRecord[], version: number | undefined, recordName: string): Decision | undefined {
  if (records.length === 0) {
    return {
      type: 'fail',
      status: 'Conflict',
      errors: [{ message: `Someone else changed this row after you downloaded it: they deleted this ${recordName}, so it no longer exists on the server. Download again.` }],
    };
  }
  const current = currentVersion(records);
  if (version === undefined || version !== current) {
    return {
      type: 'fail',
      status: 'Conflict',
      errors: [{ message: `Someone else changed this row after you downloaded it (your version ${version ?? 'none'}, now ${current}). Download again to see their change.` }],
    };
  }
  return undefined;
}

/**
 * seed: the session effective date is the start date of any edit; the prior record is end-dated the day before and kept.
 * `recordName` is what the user calls one row of the kind ("assignment", "balance"), used in messages.
 */
export function decideUpdate(records: DatedRecord[], version: number | undefined, sessionDate: string, recordName = 'record'): Decision {
  const stale = staleCheck(records, version, recordName);
  if (stale) return stale;
  const future = records.filter((r) => r.effectiveStartDate > sessionDate).sort((a, b) => a.effectiveStartDate.localeCompare(b.effectiveStartDate))[0];
  if (future) {
    return {
      type: 'fail',
      status: 'Upload Failed',
      errors: [{ message: `This ${recordName} has a change dated ${future.effectiveStartDate}, after the session effective date ${sessionDate}. Prepare a workbook on or after ${future.effectiveStartDate} to edit it.` }],
    };
  }
  const covering = records.find((r) => r.effectiveStartDate <= sessionDate && sessionDate <= r.effectiveEndDate);
  if (!covering) {
    return { type: 'fail', status: 'Upload Failed', errors: [{ message: `This ${recordName} is not in effect on ${sessionDate}, so it cannot be edited as of that date.` }] };
  }
  const version_ = currentVersion(records) + 1;
  if (covering.effectiveStartDate === sessionDate) {
    return { type: 'correct', start: covering.effectiveStartDate, end: covering.effectiveEndDate, version: version_ };
  }
  return { type: 'split', oldStart: covering.effectiveStartDate, oldEnd: dayBefore(sessionDate), start: sessionDate, end: covering.effectiveEndDate, version: version_ };
}

/** seed: delete removes all effective-dated records of the row, permanently. */
export function decideDelete(records: DatedRecord[], version: number | undefined, recordName = 'record'): Decision {
  return staleCheck(records, version, recordName) ?? { type: 'delete' };
}

/**
 * seed (nVision employee benefits: "Start Date" and "End Date"): a kind whose sheet sets the record's end date. The
 * typed end (blank: open, "so that the benefit can be renewed") replaces the decision's; an edit of the end date alone
 * ends the record in effect in place (no new record from the session date). An end before the record's start fails on
 * the column; so does an end before the session date (the sheet holds the records in effect on it).
 */
export function withTypedEnd(decision: Decision, end: string, onlyEndChanged: boolean, sessionDate: string, column: string, header: string): Decision {
  if (decision.type !== 'insert' && decision.type !== 'correct' && decision.type !== 'split') return decision;
  const next: Decision = decision.type === 'split' && onlyEndChanged ? { type: 'correct', start: decision.oldStart, end, version: decision.version } : { ...decision, end };
  const fail = (message: string): Decision => ({ type: 'fail', status: 'Upload Failed', errors: [{ column, message }] });
  if (end < next.start) return fail(`${header} ${end} is before the start date ${next.start}. Enter an end date on or after ${next.start}, or leave ${header} blank for a record that goes on.`);
  if (end < sessionDate) return fail(`${header} ${end} is before the session effective date ${sessionDate}, and the sheet holds the records in effect on that date. To end it on ${end}, prepare the workbook on ${end} or earlier.`);
  return next;
}

/**
 * An update that changes no dated attribute, only a value kept elsewhere (Employee Salaries: the person's gender, which
 * is not dated), starts no new record from the session date: the record in effect is kept in place, its version
 * bumped (so a stale sheet still gets a Conflict).
 */
export function inPlaceWhenUnchanged(decision: Decision, unchanged: boolean): Decision {
  if (decision.type !== 'split' || !unchanged) return decision;
  return { type: 'correct', start: decision.oldStart, end: decision.end, version: decision.version };
}

export function decideInsert(sessionDate: string): Decision {
  return { type: 'insert', start: sessionDate, end: END_OF_TIME, version: 1 };
}

/** Whether reference data with a validity range (a group, a plan, a relationship…) is in effect on the date. */
export function inEffect(row: { start_date: string; end_date: string }, date: string): boolean {
  return row.start_date <= date && date <= row.end_date;
}

/** For a row not in effect on the date: "starts on 2030-01-01" or "ended on 2015-12-31". */
export function whenNotInEffect(row: { start_date: string; end_date: string }, date: string): string {
  return row.start_date > date ? `starts on ${row.start_date}` : `ended on ${row.end_date}`;
}

/** A record about to be written, with its subject (whose record it is) as one comparable string. */
export interface SubjectRange {
  start: string;
  end: string;
  subject: string;
}

/**
 * seed: on any date a subject has one record of a kind in effect. For each range, the index of an earlier range of the
 * same subject whose dates overlap it (the earlier row of an upload wins), or undefined; a refused range blocks nothing.
 */
export function overlapsWithinChunk(ranges: SubjectRange[]): Array<number | undefined> {
  const accepted = new Map<string, number[]>();
  return ranges.map((range, i) => {
    const earlier = accepted.get(range.subject) ?? [];
    const other = earlier.find((j) => ranges[j].start <= range.end && range.start <= ranges[j].end);
    if (other === undefined) accepted.set(range.subject, [...earlier, i]);
    return other;
  });
}

/** "from 2026-06-01" for an open-ended record, "from 2025-01-01 to 2025-12-31" for an ended one. */
export function datesOf(start: string, end: string): string {
  return end === END_OF_TIME ? `from ${start}` : `from ${start} to ${end}`;
}
