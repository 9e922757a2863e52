import { useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import { Button, MessageBar, MessageBarBody, Tab, TabList, makeStyles } from '@fluentui/react-components';
import { columnLetters } from '../excel/simulated/addresses';
import type { SimulatedWorkbook } from '../excel/simulated/workbook-model';

const PAGE = 200;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', height: '100%' },
  toolbar: { display: 'flex', gap: '8px', padding: '6px', alignItems: 'center', flexWrap: 'wrap' },
  scroller: { overflow: 'auto', flex: 1 },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: 'Calibri, Segoe UI, sans-serif', fontSize: '13px' },
  head: { position: 'sticky', top: 0, background: '#f3f3f3', zIndex: 2, border: '1px solid #d4d4d4', padding: '2px 6px' },
  rowHead: { background: '#f3f3f3', border: '1px solid #d4d4d4', padding: '2px 6px', cursor: 'pointer', textAlign: 'right' },
  cell: { border: '1px solid #e1e1e1', padding: '2px 6px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'clip', cursor: 'cell' },
  spill: { overflow: 'visible' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px' },
});

function useWorkbookVersion(workbook: SimulatedWorkbook): number {
  const [counter] = useState(() => ({ n: 0 }));
  return useSyncExternalStore(
    (notify) => workbook.subscribe(() => { counter.n++; notify(); }),
    () => counter.n,
  );
}

/** A spreadsheet view of the simulated workbook; edits go through the same rules Excel applies to a person. */
export function SheetGrid({ workbook }: { workbook: SimulatedWorkbook }) {
  useWorkbookVersion(workbook);
  const styles = useStyles();
  const [first, setFirst] = useState(0);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const sheet = workbook.activeSheet();
  const sel = workbook.selection();
  const { rowCount, columnCount } = workbook.dimensions(sheet);
  const columns = Array.from({ length: Math.max(columnCount, 8) }, (_, c) => c).filter((c) => !workbook.columnInfo(sheet, c).hidden);
  const frozen = workbook.frozenRows(sheet);
  const lastRow = Math.max(rowCount + 5, 30);
  const rows = [...Array.from({ length: Math.min(frozen, first) }, (_, r) => r), ...Array.from({ length: Math.max(0, Math.min(PAGE, lastRow - first)) }, (_, r) => first + r)];
  const isSelected = (r: number, c: number) => sel.sheet === sheet && r >= sel.row && r < sel.row + sel.rowCount && c >= sel.column && c < sel.column + sel.columnCount;

  const select = (r: number, c: number, e: MouseEvent) => {
    setMessage(undefined);
    if (e.shiftKey && sel.sheet === sheet) {
      const top = Math.min(sel.row, r);
      workbook.userSelect(sheet, { row: top, column: Math.min(sel.column, c), rowCount: Math.abs(r - sel.row) + 1, columnCount: Math.abs(c - sel.column) + 1 });
    } else workbook.userSelect(sheet, { row: r, column: c, rowCount: 1, columnCount: 1 });
  };
  const commit = (how: 'edit' | 'pick', r: number, c: number, text: string) => {
    const value = text !== '' && !Number.isNaN(Number(text)) && !/^0\d/.test(text) && workbook.cell(sheet, r, c).value !== '' && typeof workbook.cell(sheet, r, c).value === 'number' ? Number(text) : text;
    const result = how === 'pick' ? workbook.userPickFromList(sheet, r, c, value) : workbook.userEdit(sheet, r, c, value);
    setMessage(result.ok ? undefined : result.message);
    setEditing(undefined);
  };
  const onKey = (e: KeyboardEvent, r: number, c: number) => {
    if (e.key === 'Enter' || e.key === 'F2') setEditing({ row: r, col: c, text: workbook.cell(sheet, r, c).text });
  };

  return (
    <div className={styles.wrap}>
      <div className={styles.toolbar}>
        <TabList selectedValue={sheet} onTabSelect={(_, d) => workbook.activate(String(d.value))} size="small" aria-label="Sheets">
          {workbook.visibleSheetNames().map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
        <Button size="small" onClick={() => { const r = workbook.userInsertRows(sheet, sel.row, 1); setMessage(r.ok ? undefined : r.message); }}>
          Insert row above selection
        </Button>
        <Button size="small" disabled={first === 0} onClick={() => setFirst(Math.max(0, first - PAGE))}>Previous rows</Button>
        <Button size="small" disabled={first + PAGE >= lastRow} onClick={() => setFirst(first + PAGE)}>Next rows</Button>
        <span>{workbook.isProtected(sheet) ? 'Protected sheet' : 'Unprotected sheet'} · rows {first + 1}–{Math.min(first + PAGE, lastRow)}</span>
      </div>
      {message && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.scroller}>
        <table className={styles.table} role="grid" aria-label={`Sheet ${sheet}`}>
          <thead>
            <tr>
              <th className={styles.head} />
              {columns.map((c) => (
                <th key={c} className={styles.head} style={{ width: Math.max(40, Math.round((workbook.columnInfo(sheet, c).width ?? 64) * 1.2)) }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r} style={r < frozen ? { position: 'sticky', top: 22 + r * 22, zIndex: 1, background: 'white' } : undefined}>
                <th className={styles.rowHead} data-row-header={r} onClick={() => workbook.userSelect(sheet, { row: r, column: 0, rowCount: 1, columnCount: Math.max(columnCount, 1) })}>
                  {r + 1}
                </th>
                {columns.map((c) => {
                  const cell = workbook.cell(sheet, r, c);
                  const selected = isSelected(r, c) && sel.rowCount === 1 && sel.columnCount === 1;
                  const editingHere = editing && editing.row === r && editing.col === c;
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      tabIndex={selected ? 0 : -1}
                      data-row={r}
                      data-col={c}
                      aria-label={`${columnLetters(c)}${r + 1}`}
                      aria-readonly={cell.locked && workbook.isProtected(sheet)}
                      aria-selected={isSelected(r, c)}
                      className={`${styles.cell} ${isSelected(r, c) ? styles.selected : ''} ${r === 0 ? styles.spill : ''}`}
                      style={{ background: cell.fill ?? (cell.locked && workbook.isProtected(sheet) && r >= frozen ? '#fafafa' : undefined), color: cell.fontColor, fontWeight: cell.bold ? 600 : undefined }}
                      onClick={(e) => select(r, c, e)}
                      onDoubleClick={() => setEditing({ row: r, col: c, text: cell.text })}
                      onKeyDown={(e) => onKey(e, r, c)}
                    >
                      {editingHere ? (
                        <input
                          autoFocus
                          aria-label="Edit cell"
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') commit('edit', r, c, editing.text);
                            if (e.key === 'Escape') setEditing(undefined);
                          }}
                          onBlur={() => setEditing(undefined)}
                        />
                      ) : selected && cell.list ? (
                        <select aria-label="Pick a value" value={String(cell.value)} onChange={(e) => commit('pick', r, c, e.target.value)}>
                          <option value="">{cell.text === '' ? '' : cell.text}</option>
                          {cell.list.filter((v) => v !== '').map((v) => (
                            <option key={v} value={v}>{v}</option>
                          ))}
                        </select>
                      ) : (
                        cell.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
