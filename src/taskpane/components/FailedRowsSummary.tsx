import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FailedRow } from '../../engine/engine-types';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

const describe = (r: FailedRow) => r.errors.map((e) => (e.header ? `${e.header}: ${e.message}` : e.message)).join(' ') || r.status;

/**
 * Every failed row; clicking one selects it in the sheet, where the row's errors show. Each is a link (an anchor),
 * not a button: a button wraps its text as one box, so the bullet sat beside its last line; an anchor wraps as text.
 */
export function FailedRowsSummary({ rows, onSelect }: { rows: FailedRow[]; onSelect: (row: FailedRow) => void }) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <section>
      <Text as="h2" size={300} weight="semibold">
        Failed rows ({rows.length})
      </Text>
      <ul className={styles.list} aria-label="Failed rows">
        {rows.map((r) => (
          <li key={r.row}>
            <Link
              href="#"
              onClick={(e) => {
                e.preventDefault();
                onSelect(r);
              }}
            >
              Row {r.excelRow}: {describe(r)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
