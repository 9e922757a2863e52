import { useEffect, useState } from 'react';
import type { SheetInfo, WorkbookEngine } from '../../engine/engine-types';
import type { Selection, WorkbookHost } from '../../excel/workbook-host';

/**
 * The prepared sheet on screen (if any) and the current selection. Asked again when the person switches sheet tabs
 * (worksheets.onActivated: at once, not at the next selection), on every selection change, and when the pane gets
 * focus back. The pane's actions act on the sheet this names, so it must always be the one on screen.
 */
export function useActiveSheet(host: WorkbookHost, engine: WorkbookEngine, version: number) {
  const [info, setInfo] = useState<SheetInfo | undefined>();
  const [selection, setSelection] = useState<Selection | undefined>();
  useEffect(() => {
    let alive = true;
    let latest = 0;
    const refresh = async (sel?: Selection) => {
      const asked = ++latest;
      const [next, current] = await Promise.all([engine.activeSheetInfo().catch(() => undefined), sel ?? host.getSelection().catch(() => undefined)]);
      // Only the newest answer counts: an older, slower one would name a sheet that is no longer on screen.
      if (!alive || asked !== latest) return;
      setInfo(next);
      setSelection(current);
    };
    const onFocus = () => void refresh();
    void refresh();
    window.addEventListener('focus', onFocus);
    const subscriptions = [host.onSheetActivated(() => void refresh()), host.onSelectionChanged((sel) => void refresh(sel))];
    return () => {
      alive = false;
      window.removeEventListener('focus', onFocus);
      for (const s of subscriptions) void s.then((stop) => stop(), () => undefined);
    };
  }, [host, engine, version]);
  return { info, selection };
}
