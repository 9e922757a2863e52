/**
 * The end date a user types on a kind whose sheet sets it (EffectiveDatedKind.endDateColumn): read from the row and
 * applied to the engine's decision by withTypedEnd. A row that leaves the column out keeps the engine's end.
 */
import type { SqlType } from './effective-dated.repository';
import { END_OF_TIME, withTypedEnd, type Decision } from './effective-dating';
import { readIsoDate } from './values';
import type { EffectiveDatedKind, ResolveInput } from './workbook-kind';

function same(type: SqlType, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return type === 'numeric' || type === 'integer' ? Number(a) === Number(b) : String(a) === String(b);
}

/** Whether an update leaves every stored attribute of the record in effect as it is (its dates aside). */
export function attributesUnchanged(kind: EffectiveDatedKind, input: ResolveInput, attributes: Record<string, unknown>): boolean {
  const current = input.current;
  return current !== undefined && Object.entries(kind.attributes).every(([name, type]) => same(type, attributes[name], current[name]));
}

export function typedEndDecision(kind: EffectiveDatedKind, decision: Decision, input: ResolveInput, attributes: Record<string, unknown>, sessionDate: string): Decision {
  const column = kind.endDateColumn;
  if (!column || !(column in input.row.values)) return decision;
  const header = kind.definition.columns.find((c) => c.key === column)?.header ?? column;
  const read = readIsoDate(input.row.values[column], column, header);
  if (read.error) return { type: 'fail', status: 'Upload Failed', errors: [read.error] };
  return withTypedEnd(decision, read.date ?? END_OF_TIME, attributesUnchanged(kind, input, attributes), sessionDate, column, header);
}

/**
 * An update that changes only values the kind keeps outside the dated record (resolved beside its attributes and
 * written by afterWrite: Employee Salaries' gender, on the person). An upload that changes nothing at all still
 * starts a record on the session date, as every edit does.
 */
export function onlyUndatedChanged(kind: EffectiveDatedKind, input: ResolveInput, attributes: Record<string, unknown>): boolean {
  return Object.keys(attributes).some((name) => !(name in kind.attributes)) && attributesUnchanged(kind, input, attributes);
}
