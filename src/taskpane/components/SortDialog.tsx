import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface SortColumn {
  key: string;
  header: string;
}

export interface SortDialogProps {
  open: boolean;
  columns: SortColumn[];
  onSort: (columnKey: string, ascending: boolean) => void;
  onCancel: () => void;
}

/**
 * Sort by column: Excel cannot sort a protected sheet's locked cells, so the add-in sorts for the user. It lifts
 * protection to do so, which clears Excel's undo history: the dialog says so before anything happens.
 */
export function SortDialog({ open, columns, onSort, onCancel }: SortDialogProps) {
  const [column, setColumn] = useState(columns[0]?.key ?? '');
  const [order, setOrder] = useState('ascending');
  useEffect(() => {
    if (!columns.some((c) => c.key === column)) setColumn(columns[0]?.key ?? '');
  }, [columns, column]);
  return (
    <ConfirmDialog open={open} title="Sort rows" confirmLabel="Sort rows" onConfirm={() => onSort(column, order === 'ascending')} onCancel={onCancel}>
      <Field label="Sort by column">
        <Select value={column} onChange={(_, d) => setColumn(d.value)}>
          {columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.header}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Order">
        <RadioGroup value={order} onChange={(_, d) => setOrder(d.value)}>
          <Radio value="ascending" label="A to Z, smallest to largest" />
          <Radio value="descending" label="Z to A, largest to smallest" />
        </RadioGroup>
      </Field>
      <p>Changes you have not uploaded move with their rows. Sorting clears Excel&apos;s undo history (Ctrl+Z).</p>
    </ConfirmDialog>
  );
}
