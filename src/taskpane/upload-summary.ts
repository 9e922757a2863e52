import type { UploadSummary } from '../engine/engine-types';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** "12 rows uploaded: 8 inserted, 3 updated, 1 deleted. 2 rows failed: select a row to see why." */
export function summaryText(action: 'uploaded' | 'deleted', s: UploadSummary): string {
  const done = s.inserted + s.updated + s.deleted;
  if (done + s.failed === 0) return action === 'uploaded' ? 'No changed rows to upload.' : 'No rows are marked for deletion.';
  const parts = [s.inserted && `${s.inserted} inserted`, s.updated && `${s.updated} updated`, s.deleted && `${s.deleted} deleted`].filter(Boolean);
  const ok = `${rows(done)} ${action}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  return s.failed ? `${ok} ${rows(s.failed)} failed: select a row to see why.` : ok;
}

export function markedText(n: number): string {
  return n ? `${rows(n)} marked for deletion.` : 'Select the rows to delete first.';
}
