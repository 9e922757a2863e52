import { useEffect, useState } from 'react';
import type { SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection, WorkbookHost } from '../../excel/workbook-host';

/** The prepared sheet the user is on (if any) and the current selection, kept up to date by Excel's selection events. */
export function useActiveSheet(host: WorkbookHost, engine: WorkbookEngine, version: number) {
  const [info, setInfo] = useState<SheetInfo | undefined>();
  const [selection, setSelection] = useState<Selection | undefined>();
  useEffect(() => {
    let alive = true;
    const refresh = async (sel?: Selection) => {
      const next = await engine.activeSheetInfo().catch(() => undefined);
      if (!alive) return;
      setInfo(next);
      if (sel) setSelection(sel);
    };
    void refresh();
    let stop: (() => Promise<void>) | undefined;
    void host.onSelectionChanged((sel) => void refresh(sel)).then((s) => {
      if (alive) stop = s;
      else void s();
    });
    return () => {
      alive = false;
      void stop?.();
    };
  }, [host, engine, version]);
  return { info, selection };
}
