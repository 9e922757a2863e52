/** What the title row adds after the date (or batch): the search the sheet holds, and whether its download is incomplete. */
import type { WorkbookDefinition } from '../contract/api';
import { searchSummary, type RowSearch } from '../contract/row-search';

/** Rows downloaded before Prepare was cancelled, of how many the download had. */
export interface Incomplete {
  done: number;
  total: number;
}

export function incompleteText({ done, total }: Incomplete, locale?: string): string {
  const n = (v: number) => v.toLocaleString(locale);
  return `INCOMPLETE: the download was cancelled after ${n(done)} of ${n(total)} rows; click Download again for all of them`;
}

/** " — Person numbers: 12 listed; Name contains "smi"" and " — INCOMPLETE: …", each only when there is one. */
export function titleSuffix(definition: WorkbookDefinition, scope: { search?: RowSearch; cancelledAt?: Incomplete }, locale?: string): string {
  const search = searchSummary(scope.search, definition.search);
  return `${search ? ` — ${search}` : ''}${scope.cancelledAt ? ` — ${incompleteText(scope.cancelledAt, locale)}` : ''}`;
}
