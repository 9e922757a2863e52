/** What the engine keeps about each prepared sheet in the workbook's settings, so it survives reopening. */
import type { WorkbookHost } from '../excel/workbook-host';
import type { SheetInfo } from './engine-types';

export const SHEET_SETTING = 'benefitsWorkbook.sheet.';
/** Where the formatted rows end and where dropdowns get their values, so the sheet can grow. */
export const FORMAT_SETTING = 'benefitsWorkbook.format.';

export interface FormatState {
  formattedEnd: number;
  sources: Record<string, string[] | string>;
}

/** The sheet's info as stored; sheets prepared before batch kinds existed have no scope: they are effective-dated. */
export function parseSheetInfo(raw: string | undefined): SheetInfo | undefined {
  return raw ? { scope: 'effective-date', ...(JSON.parse(raw) as Omit<SheetInfo, 'scope'>) } : undefined;
}

export function sheetSettings(host: WorkbookHost) {
  return {
    async sheetInfo(sheet: string): Promise<SheetInfo | undefined> {
      return parseSheetInfo(await host.getSetting(SHEET_SETTING + sheet));
    },
    async saveSheetInfo(info: SheetInfo): Promise<void> {
      await host.setSetting(SHEET_SETTING + info.sheet, JSON.stringify(info));
    },
    async formatState(sheet: string): Promise<FormatState | undefined> {
      const raw = await host.getSetting(FORMAT_SETTING + sheet);
      return raw ? (JSON.parse(raw) as FormatState) : undefined;
    },
  };
}

export type SheetSettings = ReturnType<typeof sheetSettings>;
