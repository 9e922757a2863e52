/**
 * Part of the Office.js adapter (with office-host.ts): a list of edits made in one request. Protection is lifted
 * and restored within the request for the sheets it writes or formats, so the sheet is never left unprotected.
 */
import type { CellArea, CellMark, HostEdit } from './workbook-host';
import { areaRange, queueFormat } from './office-format';

/** The part of the `Excel` namespace this host uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Users may insert rows for new records, resize columns and use the AutoFilter applied at prepare (Excel allows
 * filtering a protected sheet only with allowAutoFilter and a filter set before protecting). allowSort is on, yet
 * Excel never sorts a range holding locked cells on a protected sheet: the add-in sorts for the user (sortRows).
 * Deleting rows stays with the add-in (it marks them instead).
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowInsertRows: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
};

/** The host's own edits besides the engine's: sorting rows and deleting them, protection lifted as for writes. */
export type Edit = HostEdit | { kind: 'sort'; sheet: string; area: CellArea; column: number; ascending: boolean } | { kind: 'deleteRows'; sheet: string; row: number; rowCount: number } | { kind: 'marks'; sheet: string; marks: CellMark[] };

/** Edits that need the sheet's protection lifted (a write to unlocked cells only does not: it keeps the undo stack). */
function liftsProtection(edit: Edit): edit is Edit & { sheet: string } {
  return edit.kind === 'format' || edit.kind === 'sort' || edit.kind === 'marks' || edit.kind === 'deleteRows' || (edit.kind === 'values' && !edit.unlockedOnly);
}

function isExcelError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * `protectedSheets`: protection of each sheet as this host last set or read it. Knowing it lets a write to a
 * protected sheet queue unprotect, write and protect in one request without first reading the state.
 */
export function editRunner(excel: ExcelApi, protectedSheets: Map<string, boolean>) {
  async function runOnce(edits: Edit[]): Promise<void> {
    let replaced = 0;
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const created = new Set(edits.flatMap((e) => (e.kind === 'sheet' ? [e.name] : [])));
      const unknown = [...new Set(edits.filter(liftsProtection).map((e) => e.sheet))].filter((s) => !created.has(s) && !protectedSheets.has(s));
      // What the request depends on is read first: whether a new sheet's name is taken, and (for a sheet this host has
      // not touched, e.g. after the pane reloads) whether to lift protection. Only then is there a second sync.
      const existing = new Map([...created].map((name) => [name, sheets.getItemOrNullObject(name).load('isNullObject, visibility')] as const));
      const protections = new Map(unknown.map((name) => [name, sheets.getItem(name).protection.load('protected')] as const));
      if (existing.size + protections.size > 0) await context.sync();

      const worksheets = new Map<string, Excel.Worksheet>();
      const ws = (name: string) => worksheets.get(name) ?? worksheets.set(name, sheets.getItem(name)).get(name)!;
      const state = new Map<string, boolean>([...protections].map(([name, p]) => [name, p.protected]));
      const known = (name: string) => state.get(name) ?? protectedSheets.get(name);
      const lifted = new Set<string>();
      for (const edit of edits) {
        if (liftsProtection(edit) && known(edit.sheet) && !lifted.has(edit.sheet)) {
          ws(edit.sheet).protection.unprotect();
          lifted.add(edit.sheet);
          state.set(edit.sheet, false);
        }
        switch (edit.kind) {
          case 'sheet': {
            const old = existing.get(edit.name)!;
            // The old sheet is renamed out of the way, not deleted first: a workbook must keep one visible sheet.
            if (!old.isNullObject) old.name = `~old ${Date.now()} ${replaced++}`.slice(0, 31);
            const sheet = sheets.add(edit.name);
            worksheets.set(edit.name, sheet);
            // Very hidden: Excel's Unhide dialog does not offer it, so people cannot show and edit it by hand.
            if (edit.hidden) sheet.visibility = 'VeryHidden';
            else sheet.activate();
            // A very hidden sheet cannot be deleted (Worksheet.delete): it is made hidden first.
            if (!old.isNullObject && old.visibility === 'VeryHidden') old.visibility = 'Hidden';
            if (!old.isNullObject) old.delete();
            state.set(edit.name, false);
            break;
          }
          case 'values':
            if (edit.values.length > 0 && edit.values[0].length > 0) ws(edit.sheet).getRangeByIndexes(edit.row, edit.column, edit.values.length, edit.values[0].length).values = edit.values;
            break;
          case 'format':
            queueFormat(ws(edit.sheet), edit.format);
            break;
          case 'sort':
            areaRange(ws(edit.sheet), edit.area).sort.apply([{ key: edit.column - edit.area.column, ascending: edit.ascending }]);
            break;
          case 'deleteRows':
            ws(edit.sheet).getRangeByIndexes(edit.row, 0, edit.rowCount, 1).getEntireRow().delete('Up');
            break;
          case 'marks':
            for (const m of edit.marks) {
              const range = ws(edit.sheet).getRangeByIndexes(m.row, m.column, 1, 1);
              if (m.fill) range.format.fill.color = m.fill;
              else range.format.fill.clear();
              // Setting the prompt keeps the cell's rule (a dropdown stays a dropdown); a cell has one validation only.
              range.dataValidation.prompt = m.message ? { showPrompt: true, title: m.message.title, message: m.message.text } : { showPrompt: false, title: '', message: '' };
            }
            break;
          case 'protect': {
            const protection = ws(edit.sheet).protection;
            // protect() fails on a protected sheet; unprotecting an unprotected one does nothing, so lift it first
            // unless this request knows it is off.
            if (known(edit.sheet) !== false) protection.unprotect();
            protection.protect(PROTECTION_OPTIONS);
            lifted.delete(edit.sheet);
            state.set(edit.sheet, true);
            break;
          }
          case 'setting':
            context.workbook.settings.add(edit.key, edit.value); // stored in the document, so it travels with the workbook
            break;
          case 'select':
            ws(edit.sheet).activate(); // a range can only be selected on the active sheet
            areaRange(ws(edit.sheet), edit.area).select();
            break;
        }
      }
      for (const name of lifted) {
        ws(name).protection.protect(PROTECTION_OPTIONS);
        state.set(name, true);
      }
      await context.sync();
      for (const [name, value] of state) protectedSheets.set(name, value);
    });
  }

  /** Makes the edits in one request (two when something must be read first; see runOnce). */
  async function applyEdits(edits: Edit[]): Promise<void> {
    if (edits.length === 0) return;
    const trusted = edits.filter(liftsProtection).filter((e) => protectedSheets.get(e.sheet) === false);
    try {
      await runOnce(edits);
    } catch (error) {
      // The person protected the sheet by hand since this host last saw it: the edits were refused (each is a write,
      // an idempotent format, a sort or a setting), so learn the state and do them again. A request that adds a
      // sheet is not repeated: the sheet may be there already.
      if (trusted.length === 0 || edits.some((e) => e.kind === 'sheet') || !isExcelError(error, 'InvalidOperation')) throw error;
      for (const e of trusted) protectedSheets.delete(e.sheet);
      await runOnce(edits);
    }
  }

  return { applyEdits };
}
