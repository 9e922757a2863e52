import { Link, Text } from '@fluentui/react-components';
import type { FailedRow } from '../../engine/engine-types';

/** Every failed row; clicking one selects it in the sheet. */
export function FailedRowsSummary({ rows, onSelect }: { rows: FailedRow[]; onSelect: (row: number) => void }) {
  if (rows.length === 0) return null;
  return (
    <section>
      <Text weight="semibold" id="failed-rows-title">
        Failed rows ({rows.length})
      </Text>
      <ul aria-label="Failed rows" aria-labelledby="failed-rows-title">
        {rows.map((r) => (
          <li key={r.row}>
            <Link onClick={() => onSelect(r.row)}>
              Row {r.excelRow}: {r.errors.map((e) => (e.header ? `${e.header}: ${e.message}` : e.message)).join(' ')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
