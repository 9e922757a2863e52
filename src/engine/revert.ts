/**
 * Keeping the person's work: Revert selected rows (back to the values downloaded, marks cleared), how many rows a
 * Prepare would lose, and the marked rows named for the delete confirmation.
 */
import { classifyRow, planUpload, rowsToDelete } from '../core/row-diff';
import type { WorkbookDefinition } from '../contract/api';
import { COL, FAILED_STATUSES, FIRST_DATA_ROW, sheetName, type Layout, type SheetRow } from '../core/sheet-layout';
import type { HostCellValue, WorkbookHost } from '../excel/workbook-host';
import type { SheetInfo, WorkbookEngine } from './engine-types';
import { markRows } from './cell-errors';
import { rowLabel } from './upload-outcome';

export interface RevertContext {
  host: WorkbookHost;
  definitions(): Promise<WorkbookDefinition[]>;
  sheetInfo(sheet: string): Promise<SheetInfo | undefined>;
  layoutOf(sheet: string): Promise<{ info: SheetInfo; layout: Layout }>;
  readRows(sheet: string, layout: Layout): Promise<SheetRow[]>;
  readRange(sheet: string, layout: Layout, first: number, end: number): Promise<SheetRow[]>;
  usedRows(sheet: string): Promise<number>;
  /** Writes whole rows back (each with its Changed formula). */
  writeRows(sheet: string, layout: Layout, cellsByRow: Map<number, HostCellValue[]>): Promise<void>;
}

type RevertActions = Pick<WorkbookEngine, 'revertSelectedRows' | 'unsentRowCount' | 'unsentBeforePrepare' | 'markedRowLabels'>;

/** The row as downloaded: each tracked cell takes its hidden copy, the deletion mark and a stale failure go. */
export function revertedRow(layout: Layout, row: SheetRow): HostCellValue[] {
  const cells = [...row.cells];
  while (cells.length < layout.width) cells.push('');
  layout.tracked.forEach((c, i) => (cells[c.index] = cells[layout.firstCopy + i] ?? ''));
  cells[COL.markForDeletion] = '';
  if (FAILED_STATUSES.includes(row.status)) {
    cells[COL.status] = '';
    cells[layout.errors] = '';
  }
  return cells;
}

export function revertActions(ctx: RevertContext): RevertActions {
  async function unsentRowCount(sheet: string): Promise<number> {
    const { layout } = await ctx.layoutOf(sheet);
    const rows = await ctx.readRows(sheet, layout);
    const plan = planUpload(layout, rows);
    const marked = rowsToDelete(layout, rows).send.filter(({ row }) => !plan.pendingDeletion.includes(row));
    return plan.send.length + plan.pendingDeletion.length + marked.length;
  }

  return {
    unsentRowCount,

    async unsentBeforePrepare(kind) {
      const definition = (await ctx.definitions()).find((d) => d.kind === kind);
      const sheet = definition && sheetName(definition.title);
      // Only a prepared sheet of this kind is replaced by Prepare; its unsent rows are what would be lost.
      return sheet && (await ctx.host.sheetExists(sheet)) && (await ctx.sheetInfo(sheet)) ? unsentRowCount(sheet) : 0;
    },

    async revertSelectedRows(sheet) {
      const { layout } = await ctx.layoutOf(sheet);
      const selection = await ctx.host.getSelection();
      if (selection.sheet !== sheet) throw new Error(`Select the rows to put back on the sheet "${sheet}", then click Revert selected rows.`);
      const used = await ctx.usedRows(sheet);
      const selected = [...new Set(selection.rows)].filter((r) => r >= FIRST_DATA_ROW && r < used).sort((a, b) => a - b);
      if (selected.length === 0) return 0;
      const wanted = new Set(selected);
      const rows = (await ctx.readRange(sheet, layout, selected[0], selected[selected.length - 1] + 1)).filter((r) => wanted.has(r.row));
      const cellsByRow = new Map<number, HostCellValue[]>();
      for (const row of rows) {
        const kind = classifyRow(layout, row);
        const failed = FAILED_STATUSES.includes(row.status);
        // A row already as downloaded, with no mark and no failure, has nothing to put back.
        if (kind === 'empty' || kind === 'deleted' || (kind === 'unchanged' && !row.changed && !row.marked && !failed)) continue;
        cellsByRow.set(row.row, revertedRow(layout, row));
      }
      await ctx.writeRows(sheet, layout, cellsByRow);
      await markRows(ctx.host, sheet, layout, rows.filter((r) => cellsByRow.has(r.row)).map((before) => ({ before, at: before.row })));
      return cellsByRow.size;
    },

    async markedRowLabels(sheet) {
      const { layout } = await ctx.layoutOf(sheet);
      const { send, clear } = rowsToDelete(layout, await ctx.readRows(sheet, layout));
      return [...send.map((i) => i.row), ...clear].sort((a, b) => a.row - b.row).map((row) => rowLabel(layout, row));
    },
  };
}
