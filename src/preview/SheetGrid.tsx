import { memo, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { columnLetters } from '../excel/simulated/addresses';
import { isFilteredOut } from '../excel/simulated/autofilter';
import { FilterBar } from './FilterBar';
import type { SimulatedWorkbook, UserResult } from '../excel/simulated/workbook-model';
import { GridCell } from './GridCell';
import { GridToolbar } from './GridToolbar';
import { typedValue } from './typed-value';
import { useWorkbookVersion } from './useWorkbookVersion';

/** Rows rendered at once, so a 100,000-row sheet stays responsive. */
const ROW_HEADER_WIDTH = 48;
const PAGE = 200;
const ROW_HEIGHT = 22;
const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', height: '100%' },
  bars: { display: 'flex', alignItems: 'end', gap: '8px', minHeight: '60px', flexShrink: 0 },
  scroller: { overflow: 'auto', flex: 1 },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: 'Calibri, Segoe UI, sans-serif', fontSize: '13px' },
  // Column letters and frozen rows stay in view together, as Excel's frozen panes do.
  stickyHead: { position: 'sticky', top: 0, zIndex: 2, background: 'white' },
  head: { background: '#f3f3f3', border: '1px solid #d4d4d4', padding: '0 6px', height: `${ROW_HEIGHT}px`, boxSizing: 'border-box' },
  rowHead: { background: '#f3f3f3', border: '1px solid #d4d4d4', padding: '0 6px', cursor: 'pointer', textAlign: 'right', userSelect: 'none' },
  cell: { border: '1px solid #e1e1e1', padding: '0 6px', height: `${ROW_HEIGHT}px`, boxSizing: 'border-box', whiteSpace: 'nowrap', overflow: 'hidden', cursor: 'cell' },
  spill: { overflow: 'visible' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px' },
});

/**
 * One sheet row, drawn again only when what it shows changes (`rowKey`): every change to the workbook re-renders the
 * grid, and redrawing 200 rows of 40 cells each time made each edit take seconds.
 */
const GridRow = memo(
  ({ render }: { rowKey: string; render: () => ReactElement }) => render(),
  (before, after) => before.rowKey === after.rowKey,
);

/** A spreadsheet view of the simulated workbook; a person's edits go through the rules Excel applies (protection, lists). */
export function SheetGrid({ workbook, locale = navigator.language }: { workbook: SimulatedWorkbook; locale?: string }) {
  useWorkbookVersion(workbook);
  const styles = useStyles();
  const table = useRef<HTMLTableElement>(null);
  const [first, setFirst] = useState(0);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const sheet = workbook.activeSheet();
  const sel = workbook.selection();
  const isProtected = workbook.isProtected(sheet);
  const { rowCount, columnCount } = workbook.dimensions(sheet);
  const allColumns = Array.from({ length: Math.max(columnCount, 8) }, (_, c) => c);
  const columns = allColumns.filter((c) => !workbook.columnInfo(sheet, c).hidden);
  const columnWidth = (c: number) => Math.max(40, Math.round((workbook.columnInfo(sheet, c).width ?? 64) * 1.33));
  const frozen = workbook.frozenRows(sheet);
  // Frozen columns stay at the left as the grid scrolls right, as Excel's frozen panes do.
  const frozenColumns = workbook.frozenColumns(sheet);
  const stickyLeft = new Map<number, number>();
  columns.reduce((left, c) => (c < frozenColumns && stickyLeft.set(c, left), left + columnWidth(c)), ROW_HEADER_WIDTH);
  const frozenWidth = columns.filter((c) => c < frozenColumns).reduce((sum, c) => sum + columnWidth(c), ROW_HEADER_WIDTH);
  const model = workbook.sheet(sheet);
  const lastRow = Math.max(rowCount + 5, 30);
  const frozenRows = Array.from({ length: frozen }, (_, r) => r);
  // Rows the AutoFilter hides are not drawn (they are still there for the add-in).
  const pageRows = Array.from({ length: Math.max(0, Math.min(PAGE, lastRow - first)) }, (_, r) => first + r).filter((r) => r >= frozen && !(model && isFilteredOut(model, r)));
  const onSheet = sel.sheet === sheet;
  const inSelection = (r: number, c: number) => onSheet && r >= sel.row && r < sel.row + sel.rowCount && c >= sel.column && c < sel.column + sel.columnCount;
  const single = sel.rowCount === 1 && sel.columnCount === 1;

  // A new sheet starts at its top; a selection made elsewhere (the pane's failed-rows list) brings its page into view.
  useEffect(() => setFirst(0), [sheet]);
  useEffect(() => {
    if (sel.row >= frozen && (sel.row < first || sel.row >= first + PAGE)) setFirst(Math.floor(sel.row / PAGE) * PAGE);
  }, [sel.sheet, sel.row]); // eslint-disable-line react-hooks/exhaustive-deps
  // Keyboard focus follows the selection while the grid has it.
  useEffect(() => {
    if (!table.current?.contains(document.activeElement) || document.activeElement?.tagName !== 'TD') return;
    table.current.querySelector<HTMLElement>(`td[data-row="${sel.row}"][data-col="${sel.column}"]`)?.focus();
  });

  const report = (result: UserResult) => setMessage(result.ok ? undefined : result.message);
  const select = (r: number, c: number, e: MouseEvent) => {
    setMessage(undefined);
    if (!e.shiftKey || !onSheet) return workbook.userSelect(sheet, { row: r, column: c, rowCount: 1, columnCount: 1 });
    const top = Math.min(sel.row, r);
    const left = Math.min(sel.column, c);
    workbook.userSelect(sheet, { row: top, column: left, rowCount: Math.max(sel.row + sel.rowCount - 1, r) - top + 1, columnCount: Math.max(sel.column + sel.columnCount - 1, c) - left + 1 });
  };
  const selectRows = (r: number, e: MouseEvent) => {
    const top = e.shiftKey && onSheet ? Math.min(sel.row, r) : r;
    const bottom = e.shiftKey && onSheet ? Math.max(sel.row + sel.rowCount - 1, r) : r;
    workbook.userSelect(sheet, { row: top, column: 0, rowCount: bottom - top + 1, columnCount: allColumns.length });
  };
  const commit = (how: 'edit' | 'pick', r: number, c: number, text: string) => {
    const value = typedValue(text, workbook.sheet(sheet)?.get(r, c)?.numberFormat, locale);
    report(how === 'pick' ? workbook.userPickFromList(sheet, r, c, value) : workbook.userEdit(sheet, r, c, value));
    setEditing(undefined);
  };
  // A paste into the selected cell, as Excel does it: protection applies, list validation does not (tab- and line-separated text fills a block).
  const paste = (e: ClipboardEvent) => {
    if (!onSheet || editing) return;
    e.preventDefault();
    const values = e.clipboardData.getData('text/plain').replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split('\t'));
    report(workbook.userPaste(sheet, sel.row, sel.column, values));
  };
  const move = (r: number, c: number, e: KeyboardEvent) => {
    if (e.key === 'Delete' || e.key === 'Backspace') return report(workbook.userEdit(sheet, r, c, ''));
    const step = MOVES[e.key];
    if (!step) return;
    e.preventDefault();
    const i = Math.max(0, Math.min(columns.length - 1, columns.indexOf(c) + (e.shiftKey && e.key === 'Tab' ? -1 : step[1])));
    workbook.userSelect(sheet, { row: Math.max(0, r + step[0]), column: columns[i], rowCount: 1, columnCount: 1 });
  };

  // A row drawn in an earlier render calls the handlers of the latest one: what they read (the selection) is current.
  const edit = (next: typeof editing) => setEditing(next);
  const latest = useRef({ select, selectRows, commit, move, edit });
  useLayoutEffect(() => {
    latest.current = { select, selectRows, commit, move, edit };
  });
  const layoutKey = `${columns.join(',')}|${[...stickyLeft].join(',')}|${frozen}`;
  const cellsOf = (r: number) => columns.map((c) => workbook.cell(sheet, r, c));
  /** Everything a row's drawing depends on, so that an unchanged row is not drawn again. */
  const rowKey = (r: number, cells: ReturnType<typeof cellsOf>) =>
    `${layoutKey}|${cells
      .map((cell, i) => {
        const c = columns[i];
        const selected = inSelection(r, c);
        const active = selected && single;
        const editText = editing?.row === r && editing.col === c ? editing.text : undefined;
        // The selected cell's dropdown shows its value and list, and its input message.
        const shown = active ? [cell.value, cell.list, cell.prompt] : [cell.hasList];
        // JSON, not join: join writes undefined and '' alike, and a cell starting an edit with no text must be drawn again.
        return JSON.stringify([cell.text, cell.fill, cell.fontColor, cell.bold, cell.locked && isProtected, selected, active, editText, shown]);
      })
      .join(',')}`;
  const renderRow = (r: number) => {
    const cells = cellsOf(r);
    return <GridRow key={r} rowKey={rowKey(r, cells)} render={() => drawRow(r, cells)} />;
  };

  const drawRow = (r: number, cells: ReturnType<typeof cellsOf>) => (
    <tr aria-rowindex={r + 1}>
      <th className={styles.rowHead} style={frozenColumns > 0 ? { position: 'sticky', left: 0, zIndex: 1 } : undefined} data-row-header={r} aria-label={`Row ${r + 1}`} onClick={(e) => latest.current.selectRows(r, e)}>
        {r + 1}
      </th>
      {columns.map((c, i) => {
        const cell = cells[i];
        const readOnly = cell.locked && isProtected;
        const selected = inSelection(r, c);
        return (
          <GridCell
            key={c}
            row={r}
            col={c}
            cell={cell}
            readOnly={readOnly}
            selected={selected}
            active={selected && single}
            editText={editing?.row === r && editing.col === c ? editing.text : undefined}
            className={`${styles.cell} ${selected ? styles.selected : ''} ${r === 0 ? styles.spill : ''}`}
            style={{
              background: cell.fill ?? (r < frozen || stickyLeft.has(c) ? (readOnly && r >= frozen ? '#f4f4f4' : 'white') : readOnly ? '#f4f4f4' : undefined),
              color: cell.fontColor,
              fontWeight: cell.bold ? 600 : undefined,
              // The title (row 1) spills over the cells beside it as Excel's text does, over the frozen ones too.
              ...(stickyLeft.has(c) ? { position: 'sticky', left: stickyLeft.get(c), zIndex: r === 0 && c === 0 ? 2 : 1 } : {}),
            }}
            onSelect={(e) => latest.current.select(r, c, e)}
            onStartEdit={(text) => latest.current.edit({ row: r, col: c, text })}
            onEditText={(text) => latest.current.edit({ row: r, col: c, text })}
            onCommit={(how, text) => latest.current.commit(how, r, c, text)}
            onCancelEdit={() => latest.current.edit(undefined)}
            onKeyDown={(e) => latest.current.move(r, c, e)}
          />
        );
      })}
    </tr>
  );

  return (
    <div className={styles.wrap}>
      <GridToolbar
        sheets={workbook.visibleSheetNames()}
        sheet={sheet}
        onSheet={(name) => workbook.activate(name)}
        onInsertRow={() => report(workbook.userInsertRows(sheet, sel.row, 1))}
        status={`${isProtected ? 'Protected sheet' : 'Unprotected sheet'} · rows ${first + 1}–${Math.min(first + PAGE, lastRow)} of ${rowCount}`}
        onPrevious={first > 0 ? () => setFirst(Math.max(0, first - PAGE)) : undefined}
        onNext={first + PAGE < lastRow ? () => setFirst(first + PAGE) : undefined}
      />
      {/* One row of fixed height for the filter and a refused edit's message, so the grid never jumps under the pointer. */}
      <div className={styles.bars}>
        <FilterBar workbook={workbook} sheet={sheet} report={report} />
        {message && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {/* Scroll padding keeps a cell brought into view clear of the frozen columns and rows that stay on top of it. */}
      <div className={styles.scroller} style={{ scrollPaddingLeft: frozenWidth, scrollPaddingTop: (frozen + 1) * ROW_HEIGHT }}>
        {/* A fixed layout with set widths, as in Excel: columns never shift when a cell shows a dropdown or an input. */}
        <table ref={table} onPaste={paste} className={styles.table} style={{ width: ROW_HEADER_WIDTH + columns.reduce((sum, c) => sum + columnWidth(c), 0) }} role="grid" aria-label={`Sheet ${sheet}`} aria-rowcount={lastRow} aria-colcount={columns.length}>
          <thead className={styles.stickyHead}>
            <tr>
              <th className={styles.head} style={{ width: ROW_HEADER_WIDTH }} />
              {columns.map((c) => (
                <th key={c} className={styles.head} style={{ width: columnWidth(c) }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
            {frozenRows.map(renderRow)}
          </thead>
          <tbody>
            {pageRows.map(renderRow)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
