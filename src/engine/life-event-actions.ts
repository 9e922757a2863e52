/**
 * Batch sheets whose lines process life events (the definition's `lifeEvents`): the life event of the selected line,
 * backing it out (then the batch is downloaded again, so each line shows BACKED OUT), deleting it once voided.
 */
import type { ApiClient } from '../api/api-client';
import type { BatchInputs } from '../core/batch-cells';
import { planUpload } from '../core/row-diff';
import { FIRST_DATA_ROW, headerOf, type Layout, type SheetRow } from '../core/sheet-layout';
import type { WorkbookHost } from '../excel/workbook-host';
import type { ProgressListener, SheetInfo, WorkbookEngine } from './engine-types';

/** What these actions need of the engine. */
export interface LifeEventContext {
  api: ApiClient;
  host: WorkbookHost;
  layoutOf(sheet: string): Promise<{ info: SheetInfo; layout: Layout }>;
  requireBatch(info: SheetInfo, action: string): Promise<BatchInputs>;
  readRows(sheet: string, layout: Layout, onProgress?: ProgressListener): Promise<SheetRow[]>;
  readRow(sheet: string, layout: Layout, row: number): Promise<SheetRow>;
  /** Downloads the batch's lines into the sheet again. */
  reload(info: SheetInfo, layout: Layout, inputs: BatchInputs, onProgress?: ProgressListener): Promise<void>;
}

type LifeEventActions = Pick<WorkbookEngine, 'selectedLifeEvent' | 'backOutLifeEvent' | 'deleteVoidedLifeEvent'>;

export function lifeEventActions(ctx: LifeEventContext): LifeEventActions {
  async function batchOf(sheet: string, action: string) {
    const { info, layout } = await ctx.layoutOf(sheet);
    const lineColumn = layout.definition.lifeEvents?.lineId;
    if (info.scope !== 'batch' || !lineColumn) throw new Error(`The workbook "${info.title}" has no life events to back out.`);
    return { info, layout, lineColumn, inputs: await ctx.requireBatch(info, action) };
  }

  return {
    async selectedLifeEvent(sheet) {
      const { info, layout, lineColumn, inputs } = await batchOf(sheet, 'back out a life event');
      const selection = await ctx.host.getSelection();
      const rows = [...new Set(selection.rows)].filter((r) => r >= FIRST_DATA_ROW);
      if (selection.sheet !== sheet || rows.length !== 1) throw new Error('Select one line of the batch (a single row), then click Back out life event again.');
      const row = await ctx.readRow(sheet, layout, rows[0]);
      const lineId = Number(row.values[lineColumn]);
      if (!row.key || !Number.isInteger(lineId) || lineId < 1) {
        throw new Error(`Row ${rows[0] + 1} has no ${headerOf(layout, lineColumn) ?? 'line id'}: it is not uploaded yet, so nothing was processed for it.`);
      }
      return ctx.api.lifeEvent(info.kind, inputs.batchName, lineId);
    },

    async backOutLifeEvent(sheet, lineId, onProgress) {
      const { info, layout, inputs } = await batchOf(sheet, 'back out a life event');
      // The batch is downloaded again afterwards: edits still in the sheet would be lost.
      const unsent = planUpload(layout, await ctx.readRows(sheet, layout, onProgress)).send.length;
      if (unsent > 0) {
        throw new Error(`${unsent === 1 ? '1 row has changes that are' : `${unsent} rows have changes that are`} not uploaded. Upload them first, then back out the life event.`);
      }
      const result = await ctx.api.backOutLifeEvent(info.kind, inputs.batchName, lineId);
      await ctx.reload(info, layout, inputs, onProgress);
      return result;
    },

    async deleteVoidedLifeEvent(sheet, lineId) {
      const { info, inputs } = await batchOf(sheet, 'delete a voided life event');
      return ctx.api.deleteLifeEvent(info.kind, inputs.batchName, lineId);
    },
  };
}
