/**
 * The one place dates are converted. Excel gives a date as a serial number (1900 date system),
 * as text typed in the user's own format, or as nothing; the server speaks ISO (2026-01-31).
 */
const MS_PER_DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 31); // serial 1 = 1900-01-01
/** Excel's serial for 1900-02-29, a day that never was (kept from Lotus 1-2-3). */
const FICTITIOUS_LEAP_DAY = 60;
const LAST_SERIAL = 2958465; // 9999-12-31

export type DateOrder = 'mdy' | 'dmy' | 'ymd';
export type DateReading = { ok: true; iso: string | null } | { ok: false; typed: string };

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel serial → ISO. Serials after 60 skip Excel's fictitious 1900-02-29; 60 itself names it. */
export function serialToIso(serial: number): string {
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_LEAP_DAY) return '1900-02-29';
  return isoFromUtc(EPOCH + (whole > FICTITIOUS_LEAP_DAY ? whole - 1 : whole) * MS_PER_DAY);
}

export function isoToSerial(iso: string): number {
  const days = Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / MS_PER_DAY);
  return days >= FICTITIOUS_LEAP_DAY ? days + 1 : days;
}

function validIso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isoFromUtc(Date.parse(`${iso}T00:00:00Z`)) === iso ? iso : undefined;
}

function shortDateParts(locale: string): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
}

/** Order of day, month and year in the locale's short date. */
export function dateOrder(locale: string): DateOrder {
  const order = shortDateParts(locale)
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  return order === 'dmy' || order === 'ymd' ? order : 'mdy';
}

function separator(locale: string): string {
  const literal = shortDateParts(locale).find((p) => p.type === 'literal')?.value.trim();
  return literal && /^[/.-]$/.test(literal) ? literal : '/';
}

/** Excel number format that shows dates the way the locale writes them (en-US m/d/yyyy, de-DE dd.mm.yyyy). */
export function excelDateFormat(locale: string): string {
  const sep = separator(locale);
  const order = dateOrder(locale);
  if (order === 'ymd') return ['yyyy', 'mm', 'dd'].join(sep);
  if (order === 'dmy') return ['dd', 'mm', 'yyyy'].join(sep);
  return ['m', 'd', 'yyyy'].join(sep);
}

/** ISO → text exactly as the sheet's number format shows it, for labels such as the title. */
export function formatIsoForLocale(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-');
  const parts: Record<string, string> = { yyyy: y, mm: m, dd: d, m: String(Number(m)), d: String(Number(d)) };
  const sep = separator(locale);
  return excelDateFormat(locale)
    .split(sep)
    .map((token) => parts[token])
    .join(sep);
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n; // Excel's two-digit year window: 00-49 → 20xx
}

function fromParts(order: DateOrder, a: string, b: string, c: string): string | undefined {
  if (order === 'ymd') return validIso(expandYear(a), Number(b), Number(c));
  if (order === 'dmy') return validIso(expandYear(c), Number(b), Number(a));
  return validIso(expandYear(c), Number(a), Number(b));
}

/** Text typed in the locale's order (/, . or - between parts, 2- or 4-digit year) or ISO → ISO; undefined when unreadable. */
export function textToIso(text: string, locale: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parts = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\.?$/.exec(trimmed);
  if (!parts) return undefined;
  const [a, , b, c] = parts.slice(1);
  // A leading four-digit year is unambiguous whatever the locale.
  return fromParts(a.length === 4 ? 'ymd' : dateOrder(locale), a, b, c);
}

/** Reads whatever a date cell holds. An unreadable value comes back as typed, so the server can name it in the row's error. */
export function readDate(value: string | number | boolean | null | undefined, locale: string): DateReading {
  if (value === null || value === undefined) return { ok: true, iso: null };
  if (typeof value === 'number') {
    const valid = value >= 1 && value <= LAST_SERIAL && Math.floor(value) !== FICTITIOUS_LEAP_DAY;
    return valid ? { ok: true, iso: serialToIso(value) } : { ok: false, typed: Math.floor(value) === FICTITIOUS_LEAP_DAY ? '1900-02-29' : String(value) };
  }
  const text = String(value).trim();
  if (text === '') return { ok: true, iso: null };
  const iso = textToIso(text, locale);
  return iso ? { ok: true, iso } : { ok: false, typed: text };
}

/** ISO → the cell value to write: a serial, shown through the locale's number format. */
export function isoToCell(iso: string | null): number | '' {
  return iso === null ? '' : isoToSerial(iso);
}
