import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BatchSummary } from '../../contract/api';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '12em', overflowY: 'auto' } });

const STATUS_WORDS: Record<string, string> = { COMPLETE: 'complete', ERROR: 'with errors', 'BACKED OUT': 'backed out', NEW: 'not processed' };
const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** "12 lines, last run 12/1/2026: 9 complete, 2 with errors, 1 not processed" */
export function batchDescription(b: BatchSummary, locale = 'en-US'): string {
  const run = b.lastRun ? `last run ${new Date(b.lastRun).toLocaleDateString(locale)}` : 'never processed';
  const counts = Object.entries(b.statusCounts)
    .sort(([a], [z]) => Object.keys(STATUS_WORDS).indexOf(a) - Object.keys(STATUS_WORDS).indexOf(z))
    .map(([status, n]) => `${n} ${STATUS_WORDS[status] ?? status.toLowerCase()}`);
  return `${lines(b.lines)}, ${run}${counts.length ? `: ${counts.join(', ')}` : ''}`;
}

export interface BatchPickerProps {
  batches: BatchSummary[];
  onPick: (batchName: string) => void;
}

/** The existing batches, newest first; picking one puts its name in the Batch name box. */
export function BatchPicker({ batches, onPick }: BatchPickerProps) {
  const styles = useStyles();
  if (batches.length === 0) return <Text size={200}>No batches yet: type a name to start one.</Text>;
  return (
    <section>
      <Text as="h3" size={300} weight="semibold" id="existing-batches">
        Existing batches ({batches.length})
      </Text>
      <ul className={styles.list} aria-labelledby="existing-batches">
        {batches.map((b) => (
          <li key={b.batchName}>
            <Link onClick={() => onPick(b.batchName)}>{b.batchName}</Link> <Text size={200}>— {batchDescription(b, navigator.language)}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
