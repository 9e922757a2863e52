import { useEffect, useState } from 'react';
import type { WorkbookDefinition } from '../../contract/api';

/** The workbook kinds the server offers, or why they could not be loaded. */
export function useDefinitions(load: () => Promise<WorkbookDefinition[]>) {
  const [definitions, setDefinitions] = useState<WorkbookDefinition[]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let alive = true;
    load().then(
      (defs) => alive && (setDefinitions(defs), setError(undefined)),
      (e: unknown) => alive && setError(`The list of workbooks could not be loaded. ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      alive = false;
    };
  }, [load]);
  return { definitions, error };
}
