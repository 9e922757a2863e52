import { useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { columnLetters } from '../excel/simulated/addresses';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';

type Cell = ReturnType<SimulatedWorkbook['cell']>;

export interface GridCellProps {
  row: number;
  col: number;
  cell: Cell;
  readOnly: boolean;
  selected: boolean;
  /** The only cell selected: it takes focus and shows its dropdown. */
  active: boolean;
  /** Text being typed into the cell, while it is edited. */
  editText: string | undefined;
  className: string;
  style: CSSProperties;
  onSelect: (event: MouseEvent) => void;
  onStartEdit: (text: string) => void;
  onEditText: (text: string) => void;
  onCommit: (how: 'edit' | 'pick', text: string) => void;
  onCancelEdit: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** One cell: its text, an input while edited (double-click, F2, Enter or typing), a dropdown when it has a list. */
export function GridCell(p: GridCellProps) {
  const finished = useRef(false);
  const editing = p.editText !== undefined;
  const commit = (text: string) => {
    if (finished.current) return;
    finished.current = true;
    p.onCommit('edit', text);
  };
  return (
    <td
      role="gridcell"
      tabIndex={p.active ? 0 : -1}
      data-row={p.row}
      data-col={p.col}
      aria-label={`${columnLetters(p.col)}${p.row + 1}`}
      aria-readonly={p.readOnly}
      aria-selected={p.selected}
      className={p.className}
      style={p.style}
      onClick={p.onSelect}
      onDoubleClick={() => {
        if (editing) return;
        finished.current = false;
        p.onStartEdit(p.cell.text);
      }}
      onKeyDown={(e) => {
        if (editing || e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === 'F2') p.onStartEdit(p.cell.text);
        else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) p.onStartEdit(e.key);
        else return p.onKeyDown(e);
        finished.current = false;
        e.preventDefault();
      }}
    >
      {editing ? (
        <input
          autoFocus
          aria-label="Edit cell"
          style={{ width: '100%', boxSizing: 'border-box' }}
          value={p.editText}
          onChange={(e) => p.onEditText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(p.editText ?? '');
            if (e.key === 'Escape') {
              finished.current = true;
              p.onCancelEdit();
            }
          }}
          onBlur={() => commit(p.editText ?? '')}
        />
      ) : p.active && p.cell.list ? (
        <select aria-label="Pick a value" style={{ width: '100%' }} value={String(p.cell.value)} onChange={(e) => p.onCommit('pick', e.target.value)}>
          {p.cell.value === '' && <option value="" />}
          {p.cell.list.filter((v) => v !== '').map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        p.cell.text
      )}
      {p.active && !editing && p.cell.prompt && (
        // Excel shows a cell's input message beside it while the cell is selected.
        <div role="tooltip" style={{ position: 'absolute', zIndex: 5, marginTop: 4, maxWidth: 260, padding: '4px 6px', background: '#FFFFE1', border: '1px solid #999', whiteSpace: 'normal', fontSize: 12 }}>
          <strong>{p.cell.prompt.title}</strong>
          <div>{p.cell.prompt.message}</div>
        </div>
      )}
    </td>
  );
}
