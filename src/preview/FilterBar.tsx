import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { autoFilterOf, filterChoices, userFilter } from '../excel/simulated/autofilter';
import type { SimulatedWorkbook, UserResult } from '../excel/simulated/workbook-model';

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalS, padding: `0 ${tokens.spacingHorizontalS}`, alignItems: 'end' } });
const ALL = '(Show all)';

/** Excel's filter buttons, as two pickers: a column of the sheet's AutoFilter, and the one value to show in it. */
export function FilterBar({ workbook, sheet, report }: { workbook: SimulatedWorkbook; sheet: string; report: (r: UserResult) => void }) {
  const styles = useStyles();
  const [column, setColumn] = useState<number | undefined>();
  const model = workbook.sheet(sheet);
  const filter = model && autoFilterOf(model);
  if (!model || !filter) return null;
  const header = filter.area.row;
  const columns = Array.from({ length: filter.area.columnCount }, (_, i) => filter.area.column + i).filter((c) => !workbook.columnInfo(sheet, c).hidden);
  const chosen = column !== undefined && columns.includes(column) ? column : columns[0];
  const shown = filter.criteria.get(chosen)?.[0] ?? ALL;
  return (
    <div className={styles.bar}>
      <Field label="Filter column" size="small">
        <Select size="small" value={String(chosen)} onChange={(_, d) => setColumn(Number(d.value))}>
          {columns.map((c) => (
            <option key={c} value={c}>
              {workbook.cell(sheet, header, c).text}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Show only" size="small">
        <Select size="small" value={shown} onChange={(_, d) => report(userFilter(workbook, sheet, chosen, d.value === ALL ? undefined : [d.value]))}>
          {[ALL, ...filterChoices(model, chosen)].map((v) => (
            <option key={v} value={v}>
              {v === '' ? '(Blanks)' : v}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
