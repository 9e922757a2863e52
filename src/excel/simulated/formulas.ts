/**
 * Formulas in the simulated Excel.
 *
 * Range.values (Microsoft's "Excel.Range" reference, values): text that starts with "=", "+", "-" or "@" written into
 * a cell formatted General is taken as a formula, as if typed; a cell formatted Text ("@") keeps it as text.
 * So a server value such as "=HYPERLINK(…)" must never reach a General cell.
 *
 * Only the shapes the workbook engine writes are evaluated (the Changed cell: IF, AND, OR, NOT, EXACT, same-sheet
 * references, text and number literals, =, <> and &). Anything else evaluates to #NAME?, which is what a user
 * would see for a server value that became a formula by accident.
 */
import { columnIndex, columnLetters } from './addresses';
import type { SheetModel, Value } from './workbook-model';

/** A formula as written, with the cell it was written into: relative references move with the cell (rows sorted, inserted, deleted). */
export interface StoredFormula {
  text: string;
  row: number;
  column: number;
}

const FORMULA_START = /^[=+\-@]./s;

function isGeneral(format: string | undefined): boolean {
  return format === undefined || format === '' || format === 'General';
}

/** Writes one value as Range.values does: formula text into a General cell becomes a formula. */
export function writeCellValue(sheet: SheetModel, row: number, column: number, value: Value): void {
  const cell = sheet.at(row, column);
  if (typeof value === 'string' && FORMULA_START.test(value) && isGeneral(sheet.formatOf(row, column, 'numberFormat'))) {
    cell.formula = { text: value.startsWith('=') ? value : `=${value}`, row, column };
    cell.value = '';
    return;
  }
  delete cell.formula;
  cell.value = value;
}

/** The value Excel shows and Range.values reads: a formula's result, else the stored value. */
export function cellValue(sheet: SheetModel, row: number, column: number, depth = 0): Value {
  const cell = sheet.get(row, column);
  if (!cell?.formula) return cell?.value ?? '';
  if (depth > 20) return '#REF!';
  try {
    const parser = new Parser(cell.formula.text.slice(1), (r, c) => cellValue(sheet, r, c, depth + 1), row - cell.formula.row, column - cell.formula.column);
    return parser.parseAll();
  } catch {
    return '#NAME?';
  }
}

/** The formula text as it reads at the cell's present place (Range.formulas). */
export function formulaAt(sheet: SheetModel, row: number, column: number): string | undefined {
  const f = sheet.get(row, column)?.formula;
  if (!f) return undefined;
  return f.text.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_, ca: string, letters: string, ra: string, digits: string) => {
    const c = ca ? columnIndex(letters) : columnIndex(letters) + column - f.column;
    const r = ra ? Number(digits) - 1 : Number(digits) - 1 + row - f.row;
    return `${ca}${columnLetters(c)}${ra}${r + 1}`;
  });
}

function text(value: Value): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function truthy(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  throw new Error('#VALUE!');
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  IF: ([test, yes = true, no = false]) => (truthy(test) ? yes : no),
  AND: (args) => args.every(truthy),
  OR: (args) => args.some(truthy),
  NOT: ([a]) => !truthy(a),
  // EXACT compares the text of both values, case-sensitively (unlike "=").
  EXACT: ([a, b]) => text(a) === text(b),
};

/** A recursive-descent reader of the small formula language above. */
class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly read: (row: number, column: number) => Value,
    private readonly rowShift: number,
    private readonly columnShift: number,
  ) {}

  parseAll(): Value {
    const value = this.comparison();
    this.space();
    if (this.i < this.src.length) throw new Error('unexpected');
    return value;
  }

  private space(): void {
    while (this.src[this.i] === ' ') this.i++;
  }

  private comparison(): Value {
    const left = this.concat();
    this.space();
    if (this.src.startsWith('<>', this.i)) {
      this.i += 2;
      return !equal(left, this.concat());
    }
    if (this.src[this.i] === '=') {
      this.i++;
      return equal(left, this.concat());
    }
    return left;
  }

  private concat(): Value {
    let value = this.unary();
    this.space();
    while (this.src[this.i] === '&') {
      this.i++;
      value = text(value) + text(this.unary());
      this.space();
    }
    return value;
  }

  private unary(): Value {
    this.space();
    const sign = this.src[this.i];
    if (sign === '+' || sign === '-') {
      this.i++;
      const v = this.unary();
      if (typeof v !== 'number') throw new Error('#VALUE!');
      return sign === '-' ? -v : v;
    }
    return this.atom();
  }

  private atom(): Value {
    this.space();
    const rest = this.src.slice(this.i);
    const str = /^"((?:[^"]|"")*)"/.exec(rest);
    if (str) {
      this.i += str[0].length;
      return str[1].replace(/""/g, '"');
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    if (rest.startsWith('(')) {
      this.i++;
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    const fn = /^([A-Z]+)\(/.exec(rest);
    if (fn) {
      const impl = FUNCTIONS[fn[1]];
      if (!impl) throw new Error('#NAME?');
      this.i += fn[0].length;
      const args: Value[] = [];
      this.space();
      if (this.src[this.i] !== ')') {
        for (;;) {
          args.push(this.comparison());
          this.space();
          if (this.src[this.i] !== ',') break;
          this.i++;
        }
      }
      this.expect(')');
      return impl(args);
    }
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)/.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      const column = columnIndex(ref[2]) + (ref[1] ? 0 : this.columnShift);
      const row = Number(ref[4]) - 1 + (ref[3] ? 0 : this.rowShift);
      return this.read(row, column);
    }
    if (/^TRUE\b/.test(rest) || /^FALSE\b/.test(rest)) {
      const t = rest.startsWith('TRUE');
      this.i += t ? 4 : 5;
      return t;
    }
    throw new Error('#NAME?');
  }

  private expect(ch: string): void {
    this.space();
    if (this.src[this.i] !== ch) throw new Error('unexpected');
    this.i++;
  }
}

/** "=" in Excel: text compares case-insensitively; an empty cell equals "" and 0. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === '' || b === '') return (a === '' || a === 0 || a === false) && (b === '' || b === 0 || b === false);
  return a === b;
}
