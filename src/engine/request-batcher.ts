/**
 * Edits gathered into as few Excel requests as their measured size allows: each request is filled up to the block
 * budget (src/core/request-size.ts) and sent when the next edit would not fit, so a sheet of 1,000 rows is built in
 * one request and 100,000 rows in a handful, none over Excel on the web's 5 MB.
 */
import { AREA_OVERHEAD_BYTES, EXCEL_BLOCK_BUDGET_BYTES, editBytes, jsonBytes } from '../core/request-size';
import type { HostCellValue, HostEdit, WorkbookHost } from '../excel/workbook-host';

export interface RequestBatcher {
  /** Queues an edit; the request goes first if the edit would not fit in it. */
  add(edit: HostEdit): Promise<void>;
  /**
   * Queues a block of values, in pieces of rows that fit (a piece fills the current request, the rest goes in the
   * next ones). `onSent` is told each piece's row count once it has been written.
   */
  write(sheet: string, row: number, column: number, values: HostCellValue[][], options?: { unlockedOnly?: boolean; onSent?: (rows: number) => void }): Promise<void>;
  /** Sends what is queued (one request). */
  flush(): Promise<void>;
}

export function requestBatcher(host: WorkbookHost, budget = EXCEL_BLOCK_BUDGET_BYTES): RequestBatcher {
  let edits: HostEdit[] = [];
  let sent: Array<() => void> = [];
  let bytes = 0;

  async function flush(): Promise<void> {
    if (edits.length === 0) return;
    const [batch, done] = [edits, sent];
    [edits, sent, bytes] = [[], [], 0];
    await host.applyEdits(batch);
    for (const tell of done) tell();
  }

  return {
    flush,
    async add(edit) {
      const size = editBytes(edit);
      if (edits.length > 0 && bytes + size > budget) await flush();
      edits.push(edit);
      bytes += size;
    },
    async write(sheet, row, column, values, options = {}) {
      let start = 0;
      while (start < values.length) {
        let size = AREA_OVERHEAD_BYTES + 2;
        let end = start;
        for (; end < values.length; end++) {
          const rowBytes = jsonBytes(values[end]) + 1;
          // A row too big for any request still goes, alone: Excel says so rather than the add-in dropping it.
          if (bytes + size + rowBytes > budget && (end > start || edits.length > 0)) break;
          size += rowBytes;
        }
        if (end === start) {
          await flush(); // the current request is full: this piece starts the next one
          continue;
        }
        edits.push({ kind: 'values', sheet, row: row + start, column, values: values.slice(start, end), ...(options.unlockedOnly ? { unlockedOnly: true } : {}) });
        const count = end - start;
        if (options.onSent) sent.push(() => options.onSent!(count));
        bytes += size;
        start = end;
        if (start < values.length) await flush();
      }
    },
  };
}
