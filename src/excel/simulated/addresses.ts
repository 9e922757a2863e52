/** A1-style addresses ⇄ 0-based indexes. */
export interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "A1", "A1:C3", "$A$1:$A$40", "A:A" and "2:2" (sheet prefix allowed and ignored). */
export function parseAddress(address: string): Area {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from, to = from] = local.replace(/\$/g, '').split(':');
  const cell = (ref: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(ref);
    if (!m || (!m[1] && !m[2])) throw Object.assign(new Error(`The address "${address}" is not valid.`), { code: 'InvalidArgument' });
    return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const a = cell(from);
  const b = cell(to);
  const row = a.row ?? 0;
  const column = a.column ?? 0;
  const lastRow = b.row ?? 1048575;
  const lastColumn = b.column ?? 16383;
  return { row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

export function formatAddress(sheet: string, area: Area): string {
  const first = `${columnLetters(area.column)}${area.row + 1}`;
  const last = `${columnLetters(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${first === last ? first : `${first}:${last}`}`;
}

/** The sheet name of a sheet-qualified address ("'My Sheet'!A1" → "My Sheet"). */
export function sheetOf(address: string): string | undefined {
  if (!address.includes('!')) return undefined;
  const name = address.slice(0, address.lastIndexOf('!'));
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}
