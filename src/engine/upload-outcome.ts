/** What an upload says beyond the server's answers: rows it left alone on purpose, and rows Cancel kept back. */
import type { UploadPlan } from '../core/row-diff';
import { type Layout, type SheetRow } from '../core/sheet-layout';
import type { UploadSummary } from './engine-types';

/**
 * How a person names a row: its identifying columns (Person Number, names), else the first column the server fills
 * (a batch's Batch Line ID), as "row 5 (P10020 Ann Lee)". Generic: the kind's definition says which columns these are.
 */
export function rowLabel(layout: Layout, row: SheetRow): string {
  const text = (key: string) => String(row.values[key] ?? '').trim();
  const outcome = layout.definition.outcome;
  const identifying = layout.dataColumns.filter((c) => c.identifying && text(c.key));
  const filled = layout.dataColumns.find((c) => !c.editable && !c.enterable && !c.hidden && c.key !== outcome?.column && c.key !== outcome?.message && text(c.key));
  const names = identifying.length > 0 ? identifying.map((c) => text(c.key)).join(' ') : filled ? `${filled.header} ${text(filled.key)}` : '';
  return names ? `row ${row.row + 1} (${names})` : `row ${row.row + 1}`;
}

/** Changed rows also marked for deletion are not uploaded: the summary names them, so the person knows what happened. */
export function pendingDeletion(layout: Layout, plan: Pick<UploadPlan, 'pendingDeletion'>): Pick<UploadSummary, 'pendingDeletion'> {
  return plan.pendingDeletion.length ? { pendingDeletion: plan.pendingDeletion.map((row) => rowLabel(layout, row)) } : {};
}

/** Rows Cancel stopped before they were sent: they keep their Changed mark and go with the next upload. */
export function withNotSent(summary: UploadSummary, notSent: number): UploadSummary {
  return notSent > 0 ? { ...summary, notSent } : summary;
}
