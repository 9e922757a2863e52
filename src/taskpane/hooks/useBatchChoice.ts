import { useEffect, useState } from 'react';
import type { BatchSummary } from '../../contract/api';

/**
 * The existing batches of the chosen batch kind (asked again after each Prepare), and whether a typed name is new:
 * a name nobody used yet is confirmed first, so a typo does not silently open an empty batch.
 */
export function useBatchChoice(kind: string | undefined, load: ((kind: string) => Promise<BatchSummary[]>) | undefined, busy: boolean) {
  const [batches, setBatches] = useState<BatchSummary[] | undefined>();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    setBatches(undefined);
    if (!kind || !load || busy) return;
    let alive = true;
    load(kind).then(
      (found) => alive && setBatches(found),
      () => alive && setBatches(undefined), // unknown: names are then prepared as typed, as before
    );
    return () => {
      alive = false;
    };
  }, [kind, load, busy]);
  return {
    batches,
    asking,
    /** Only a name we know is not in the list: an empty name prepares a sheet to name in D1. */
    isNew: (name: string) => batches !== undefined && name.trim() !== '' && !batches.some((b) => b.batchName === name.trim()),
    ask: () => setAsking(true),
    cancel: () => setAsking(false),
  };
}
