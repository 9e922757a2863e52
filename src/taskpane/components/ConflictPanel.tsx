import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConflictView } from '../../core/conflicts';
import type { ConflictChoice } from '../../engine/conflicts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  changed: { fontWeight: tokens.fontWeightSemibold },
});

export interface ConflictPanelProps {
  conflicts: ConflictView[];
  busy: boolean;
  onResolve: (conflict: ConflictView, choice: ConflictChoice) => void;
}

/** Each row someone else changed since download, column by column, with the two ways out. */
export function ConflictPanel({ conflicts, busy, onResolve }: ConflictPanelProps) {
  const styles = useStyles();
  if (conflicts.length === 0) return null;
  return (
    <section className={styles.panel} aria-label="Conflicts">
      <Text as="h2" size={300} weight="semibold">
        Changed by someone else ({conflicts.length})
      </Text>
      <Text>
        Someone changed these rows after you downloaded them; nothing was overwritten. Keep mine uploads your change on top of
        theirs (columns you did not change take their values). Take theirs puts the server&apos;s values in the row and drops your change.
      </Text>
      {conflicts.map((c) => (
        <ConflictRow key={c.key} conflict={c} busy={busy} onResolve={onResolve} />
      ))}
    </section>
  );
}

function ConflictRow({ conflict: c, busy, onResolve }: { conflict: ConflictView; busy: boolean; onResolve: ConflictPanelProps['onResolve'] }) {
  const styles = useStyles();
  const heading = `conflict-row-${c.row}`;
  const title = `Row ${c.excelRow}${c.label ? `: ${c.label}` : ''}`;
  return (
    <section className={styles.row} aria-labelledby={heading}>
      <Text id={heading} as="h3" size={300} weight="semibold">
        {title}
      </Text>
      {c.deleted && <Text>Someone deleted this record. Keep mine enters your row again as a new record; Take theirs leaves it deleted.</Text>}
      <Table size="small" aria-label={`${title}, column by column`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Column</TableHeaderCell>
            <TableHeaderCell>Yours</TableHeaderCell>
            <TableHeaderCell>Downloaded</TableHeaderCell>
            <TableHeaderCell>On the server now</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.cells.map((cell) => (
            <TableRow key={cell.column}>
              <TableCell>{cell.header}</TableCell>
              <TableCell className={cell.changedByMe ? styles.changed : undefined}>{cell.mine}</TableCell>
              <TableCell>{cell.downloaded}</TableCell>
              <TableCell className={cell.changedByThem ? styles.changed : undefined}>{c.deleted ? '(deleted)' : cell.theirs}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => onResolve(c, 'mine')}>
          Keep mine
        </Button>
        <Button disabled={busy} onClick={() => onResolve(c, 'theirs')}>
          Take theirs
        </Button>
      </div>
    </section>
  );
}
