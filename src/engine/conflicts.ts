/**
 * Conflict rows, cell by cell: what each one holds on the user's side, as downloaded and on the server now, and the
 * two ways out. Keep mine re-uploads the user's edits on the server's current version; Take theirs refreshes the row
 * from the server. Neither overwrites anything the user has not seen.
 */
import { conflictCurrent, conflictView, keepMineCells, takeTheirsCells, type ConflictView } from '../core/conflicts';
import { planUpload, type UploadItem } from '../core/row-diff';
import type { Layout, SheetRow } from '../core/sheet-layout';
import type { HostCellValue } from '../excel/workbook-host';
import type { ProgressListener, SheetInfo, UploadSummary } from './engine-types';

export type ConflictChoice = 'mine' | 'theirs';

export interface ConflictOutcome {
  choice: ConflictChoice;
  /** Excel row number of the row now. */
  excelRow: number;
  /** Keep mine: how the re-upload went (undefined when nothing was left to send). */
  summary?: UploadSummary;
}

export interface ConflictActions {
  /** Every row of the sheet in Conflict whose server record came with it, with its columns side by side. */
  conflicts(sheet: string): Promise<ConflictView[]>;
  /** Resolves the row with this key (found wherever it is now; `row` is where it was). */
  resolveConflict(sheet: string, row: number, key: string, choice: ConflictChoice, onProgress?: ProgressListener): Promise<ConflictOutcome>;
}

/** What these actions need of the engine. */
export interface ConflictContext {
  layoutOf(sheet: string, action: string): Promise<{ info: SheetInfo; layout: Layout }>;
  readRows(sheet: string, layout: Layout): Promise<SheetRow[]>;
  readRow(sheet: string, layout: Layout, row: number): Promise<SheetRow>;
  /** Where the row with this key is now. */
  locate(sheet: string, layout: Layout, row: number, key: string): Promise<number | undefined>;
  writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>): Promise<void>;
  /** Uploads these rows and writes their statuses back, as Upload changes does. */
  sendRows(info: SheetInfo, layout: Layout, items: UploadItem[], onProgress?: ProgressListener): Promise<UploadSummary>;
}

export function conflictActions(ctx: ConflictContext): ConflictActions {
  return {
    async conflicts(sheet) {
      const { layout } = await ctx.layoutOf(sheet, 'show conflicts');
      return (await ctx.readRows(sheet, layout)).flatMap((row) => conflictView(layout, row) ?? []);
    },

    async resolveConflict(sheet, row, key, choice, onProgress) {
      const { info, layout } = await ctx.layoutOf(sheet, 'resolve a conflict');
      const at = await ctx.locate(sheet, layout, row, key);
      if (at === undefined) throw new Error('That row is no longer in the sheet. Download again to see the current rows.');
      const sheetRow = await ctx.readRow(sheet, layout, at);
      const current = conflictCurrent(layout, sheetRow);
      if (current === undefined) throw new Error(`Row ${at + 1} is no longer in conflict: upload it, or download again to see the server's rows.`);
      if (choice === 'theirs') {
        await ctx.writeRows(sheet, layout, new Map([[at, takeTheirsCells(layout, sheetRow, current)]]));
        return { choice, excelRow: at + 1 };
      }
      await ctx.writeRows(sheet, layout, new Map([[at, keepMineCells(layout, sheetRow, current)]]));
      // Read back as written: the row is now an edit of the server's current version (or a new record, if it was deleted).
      const items = planUpload(layout, [await ctx.readRow(sheet, layout, at)]).send;
      if (items.length === 0) return { choice, excelRow: at + 1 };
      return { choice, excelRow: at + 1, summary: await ctx.sendRows(info, layout, items, onProgress) };
    },
  };
}
