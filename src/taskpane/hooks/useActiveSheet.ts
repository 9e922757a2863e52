import { useEffect, useState } from 'react';
import type { SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection, WorkbookHost } from '../../excel/workbook-host';

/**
 * The prepared sheet the user is on (if any) and the current selection. Asked again on every selection change
 * (switching sheets changes the selection) and when the pane gets focus back.
 */
export function useActiveSheet(host: WorkbookHost, engine: WorkbookEngine, version: number) {
  const [info, setInfo] = useState<SheetInfo | undefined>();
  const [selection, setSelection] = useState<Selection | undefined>();
  useEffect(() => {
    let alive = true;
    const refresh = async (sel?: Selection) => {
      const [next, current] = await Promise.all([engine.activeSheetInfo().catch(() => undefined), sel ?? host.getSelection().catch(() => undefined)]);
      if (!alive) return;
      setInfo(next);
      setSelection(current);
    };
    const onFocus = () => void refresh();
    void refresh();
    window.addEventListener('focus', onFocus);
    let stop: (() => Promise<void>) | undefined;
    void host.onSelectionChanged((sel) => void refresh(sel)).then((s) => {
      if (alive) stop = s;
      else void s();
    }, () => undefined);
    return () => {
      alive = false;
      window.removeEventListener('focus', onFocus);
      void stop?.();
    };
  }, [host, engine, version]);
  return { info, selection };
}
