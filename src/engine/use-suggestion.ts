/**
 * "Did you mean": puts the server's suggested value in the cell it is for, in one row or in every row of the sheet
 * holding the same mistyped value in that column. Only the cells change: the rows show as Changed, to upload again.
 */
import { dataColumnByKey, FIRST_DATA_ROW, readSheetRow, type Layout, type SheetRow } from '../core/sheet-layout';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import type { FailedRow, SheetInfo } from './engine-types';
import { locateRows, type SheetReader } from './row-locator';

export interface SuggestionContext {
  host: WorkbookHost;
  writableLayout(sheet: string, action: string): Promise<{ info: SheetInfo; layout: Layout }>;
  readRows(sheet: string, layout: Layout): Promise<SheetRow[]>;
  reader(sheet: string, layout: Layout): SheetReader;
}

const typedIn = (row: SheetRow, column: string) => String(row.values[column] ?? '').trim();

export function suggestionAction(ctx: SuggestionContext) {
  return {
    /** Writes `value` in `column` of the failed row (or of every row holding the same text there); answers how many cells. */
    async useSuggestion(sheet: string, failed: FailedRow, suggestion: { column: string; value: string }, everywhere: boolean): Promise<number> {
      const { layout } = await ctx.writableLayout(sheet, 'use the suggestion');
      const column = dataColumnByKey(layout, suggestion.column);
      if (!column) throw new Error(`The workbook has no column "${suggestion.column}".`);
      const rows = await ctx.readRows(sheet, layout);
      const at = failed.key ? (await locateRows(ctx.reader(sheet, layout), layout, [{ ...readSheetRow(layout, failed.row, []), key: failed.key }])).get(failed.row) : failed.row;
      const target = rows.find((r) => r.row === at);
      if (!target || at === undefined || at < FIRST_DATA_ROW) throw new Error('That row is no longer in the sheet. Upload or check again to see the current rows.');
      const typed = typedIn(target, suggestion.column);
      const chosen = everywhere && typed ? rows.filter((r) => typedIn(r, suggestion.column) === typed) : [target];
      const areas = chosen.map((r) => ({ row: r.row, column: column.index, values: [[suggestion.value] as HostCellValue[]] }));
      // The cells are the user's own (unlocked): written without lifting protection, so Excel's undo stack is kept.
      await ctx.host.writeUnlockedAreas(sheet, areas);
      return areas.length;
    },
  };
}
