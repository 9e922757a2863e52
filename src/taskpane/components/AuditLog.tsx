import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditLogEntry } from '../../contract/api';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

const LEVELS: Record<AuditLogEntry['level'], string> = { ERROR: 'Error', INFORMATION: 'Information' };

/** The batch's audit log: every message the process kept, by batch line (the sheet's Batch Line ID). */
export function AuditLog({ entries }: { entries: AuditLogEntry[] }) {
  const styles = useStyles();
  return (
    <section aria-label="Audit log">
      <Text as="h2" size={300} weight="semibold">
        Audit log ({entries.length})
      </Text>
      {entries.length === 0 ? (
        <Text as="p">
          No messages are logged for this batch. To keep every message of each line, choose Yes in Audit Log (cell F1), upload the lines and process the batch.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Audit log entries">
          {entries.map((e, i) => (
            <li key={i}>
              Line {e.lineId}, {LEVELS[e.level]}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
