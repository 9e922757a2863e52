import type { UploadSummary } from '../engine/engine-types';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** "12 rows uploaded: 8 inserted, 3 updated, 1 deleted. 2 rows failed: select a row to see why." */
export function summaryText(action: 'uploaded' | 'deleted', s: UploadSummary): string {
  return [mainText(action, s), warnedText(s.warnedRows), pendingText(s.pendingDeletion), notSentText(action, s.notSent)].filter(Boolean).join(' ');
}

/**
 * Rows the server warns about, saved or (for Check) that would be: one is said in full; more are counted (selecting
 * each shows its warning).
 */
export function warnedText(warned: UploadSummary['warnedRows'], saved: 'saved' | 'would be saved' = 'saved'): string {
  if (!warned?.length) return '';
  if (warned.length > 1) return `${rows(warned.length)} ${saved} with a warning: select a row to read it.`;
  const [w] = warned;
  return `Row ${w.excelRow} ${saved} with a warning: ${w.errors.map((e) => e.message).join(' ')}`;
}

function mainText(action: 'uploaded' | 'deleted', s: UploadSummary): string {
  const done = s.inserted + s.updated + s.deleted;
  if (done + s.failed === 0) {
    if (s.notSent || s.pendingDeletion?.length) return '';
    return action === 'uploaded' ? 'No changed rows to upload.' : 'No rows are marked for deletion.';
  }
  const parts = [s.inserted && `${s.inserted} inserted`, s.updated && `${s.updated} updated`, s.deleted && `${s.deleted} deleted`].filter(Boolean);
  const ok = `${rows(done)} ${action}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  return s.failed ? `${ok} ${rows(s.failed)} failed: select a row to see why.` : ok;
}

/** A changed row also marked for deletion is left for Delete marked rows: say which, and how to go on. */
function pendingText(labels: string[] | undefined): string {
  if (!labels?.length) return '';
  const which = labels.length === 1 ? `Not uploaded: ${labels[0]} is changed and also marked for deletion.` : `Not uploaded: ${labels.join(', ')} are changed and also marked for deletion.`;
  return `${which} Click Delete marked rows to delete ${labels.length === 1 ? 'it' : 'them'}, or clear Mark for Deletion to upload the change.`;
}

function notSentText(action: 'uploaded' | 'deleted', n: number | undefined): string {
  if (!n) return '';
  return `Cancelled: ${rows(n)} not sent keep their ${action === 'uploaded' ? 'Changed' : 'deletion'} mark; ${action === 'uploaded' ? 'upload again' : 'click Delete marked rows again'} to send them.`;
}

export function revertedText(n: number): string {
  return n ? `${rows(n)} put back to the downloaded values.` : 'Select the rows to put back first (rows you changed, added or marked).';
}

export function markedText(n: number): string {
  return n ? `${rows(n)} marked for deletion.` : 'Select the rows to delete first.';
}
