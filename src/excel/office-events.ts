/** Part of the Office.js adapter (with office-host.ts): subscribing to the person's edits, tab switches and selections. */
import type { CellsChanged, Selection } from './workbook-host';
import { parseAddress } from './simulated/addresses';
import type { ExcelApi } from './office-edits';

export function eventSubscriptions(excel: ExcelApi, getSelection: () => Promise<Selection>) {
  function subscription(result: OfficeExtension.EventHandlerResult<unknown>): () => Promise<void> {
    return async () => {
      // A handler is removed through the request context that added it.
      await excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    };
  }

  return {
    async onCellsChanged(sheet: string, handler: (change: CellsChanged) => void) {
      const result = await excel.run(async (context) => {
        const added = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
          handler({ sheet, ...parseAddress(event.address) });
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
    async onSheetActivated(handler: (sheet: string) => void) {
      const result = await excel.run(async (context) => {
        // The event names the sheet by id; its name is read afterwards (getItem takes a name or an id).
        const added = context.workbook.worksheets.onActivated.add(async (event) => {
          const name = await excel.run(async (c) => {
            const ws = c.workbook.worksheets.getItem(event.worksheetId);
            ws.load('name');
            await c.sync();
            return ws.name;
          }).catch(() => undefined); // the sheet went again before its name was read
          if (name !== undefined) handler(name);
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
    async onSelectionChanged(handler: (selection: Selection) => void) {
      const result = await excel.run(async (context) => {
        // The event names the address only; the rows of every area are read afterwards.
        const added = context.workbook.worksheets.onSelectionChanged.add(async () => {
          handler(await getSelection());
        });
        await context.sync();
        return added;
      });
      return subscription(result as OfficeExtension.EventHandlerResult<unknown>);
    },
  };
}
