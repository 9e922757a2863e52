/**
 * How big an Excel request is, measured as Excel on the web receives it. office.js sends each request as JSON text
 * (RichApiMessageUtility.buildMessageArrayForIRequestExecutor: JSON.stringify of the Actions and ObjectPaths), and
 * "Excel on the web has a payload size limit for requests and responses of 5MB" ("Resource limits and performance
 * optimization for Office Add-ins"); "the payload size of a request combines the number of API calls, the number of
 * objects, such as Range objects, and the length of the value to set or get" ("Performance optimization using the
 * Excel JavaScript API", Payload size limit best practices). Bytes are counted as UTF-8, as the text travels over
 * HTTP: never fewer than its characters, so a block measured this way is within the limit however Excel counts.
 */
import type { HostEdit, SheetFormat } from '../excel/workbook-host';

/** Excel on the web's limit for one request, and for one response. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Requests an action may take for its payload (issue 12): 2 per started 5 MB, plus 5. The test and the bench count by it. */
export const allowedExcelRequests = (payloadBytes: number) => 2 * Math.ceil(payloadBytes / EXCEL_PAYLOAD_LIMIT_BYTES) + 5;

/**
 * What one request's cell values (with their ranges) aim at: under 5,000,000 bytes, so within 5 MB whether Excel
 * means 10^6 or 2^20 bytes by a megabyte, with room left for the request's own message.
 */
export const EXCEL_BLOCK_BUDGET_BYTES = 4_700_000;

/** What one range and one property set or load add to a request besides the values (its object path and action). */
export const AREA_OVERHEAD_BYTES = 320;

/** Bytes of text in UTF-8, counted without encoding it (a surrogate pair is two code units of two bytes each). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Bytes a value takes in a request or response: its JSON text in UTF-8. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value) ?? '');
}

/** A generous count of the ranges and actions a format queues (each area takes a range and up to a few actions). */
function formatAreas(format: SheetFormat): number {
  const lists = [format.unlocked, format.shaded, format.bold, format.textCells, format.validations, format.conditionalFills, format.outlined];
  return 6 + format.columns.length + lists.reduce((n, list) => n + (list?.length ?? 0), 0);
}

/** Bytes an edit adds to a request (values exactly; the rest with a generous allowance for its ranges and actions). */
export function editBytes(edit: HostEdit): number {
  switch (edit.kind) {
    case 'values':
      return AREA_OVERHEAD_BYTES + jsonBytes(edit.values);
    case 'format':
      return 4 * AREA_OVERHEAD_BYTES * formatAreas(edit.format) + jsonBytes(edit.format);
    case 'setting':
      return AREA_OVERHEAD_BYTES + jsonBytes(edit.key) + jsonBytes(edit.value);
    default:
      return 4 * AREA_OVERHEAD_BYTES + jsonBytes(edit);
  }
}
