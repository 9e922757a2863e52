import { useEffect, useRef, useState } from 'react';
import type { BatchSummary } from '../../contract/api';

/**
 * The existing batches of the chosen batch kind (asked again after each Prepare), and whether a typed name is new:
 * a name nobody used yet is confirmed first, so a typo does not silently open an empty batch.
 */
export function useBatchChoice(kind: string | undefined, load: ((kind: string) => Promise<BatchSummary[]>) | undefined, busy: boolean) {
  const [batches, setBatches] = useState<BatchSummary[] | undefined>();
  const [asking, setAsking] = useState(false);
  // The loader by reference: a caller's new function on each render must not ask the server again.
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    setBatches(undefined);
    const current = loader.current;
    if (!kind || !current || busy) return;
    let alive = true;
    current(kind).then(
      (found) => alive && setBatches(found),
      () => alive && setBatches(undefined), // unknown: names are then prepared as typed, as before
    );
    return () => {
      alive = false;
    };
  }, [kind, busy]);
  return {
    batches,
    asking,
    /**
     * Prepares at once a name the batches have (asked again now: a batch may have been created since the list was
     * shown), or an empty name; asks first about a new one. When the list cannot be had, the name goes as typed.
     */
    async prepareOrAsk(name: string, prepare: () => void) {
      if (!kind || !load || name.trim() === '') return prepare();
      let found: BatchSummary[];
      try {
        found = await load(kind);
      } catch {
        return prepare();
      }
      setBatches(found);
      if (found.some((b) => b.batchName === name.trim())) prepare();
      else setAsking(true);
    },
    cancel: () => setAsking(false),
  };
}
