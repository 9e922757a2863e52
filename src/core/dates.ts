/**
 * The one place dates are converted. Excel gives a date as a serial number (1900 date system),
 * as text typed in the user's own format, or as nothing; the server speaks ISO (2026-01-31).
 */
const MS_PER_DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 31); // serial 1 = 1900-01-01

export type DateReading = { ok: true; iso: string | null } | { ok: false; typed: string };

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel serial → ISO. Serials after 60 skip Excel's fictitious 1900-02-29. */
export function serialToIso(serial: number): string {
  const whole = Math.floor(serial);
  return isoFromUtc(EPOCH + (whole > 60 ? whole - 1 : whole) * MS_PER_DAY);
}

export function isoToSerial(iso: string): number {
  const days = Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / MS_PER_DAY);
  return days >= 60 ? days + 1 : days;
}

function validIso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isoFromUtc(Date.parse(`${iso}T00:00:00Z`)) === iso ? iso : undefined;
}

/** Order of day, month and year in the locale's short date ("mdy", "dmy" or "ymd"). */
export function dateOrder(locale: string): 'mdy' | 'dmy' | 'ymd' {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type[0]).join('');
  return order === 'dmy' || order === 'ymd' ? order : 'mdy';
}

/** Excel number format that shows dates the way the locale writes them. */
export function excelDateFormat(locale: string): string {
  const order = dateOrder(locale);
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  if (order === 'ymd') return ['yyyy', 'mm', 'dd'].join(separator);
  if (order === 'dmy') return ['dd', 'mm', 'yyyy'].join(separator);
  return ['m', 'd', 'yyyy'].join(separator);
}

/** ISO → text in the locale's format, for labels (the sheet itself uses serials and a number format). */
export function formatIsoForLocale(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));
}

function expandYear(y: number, digits: number): number {
  return digits <= 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
}

/** Reads whatever a date cell holds. An unreadable value comes back as typed, for the row's error message. */
export function readDate(value: string | number | boolean | null | undefined, locale: string): DateReading {
  if (value === null || value === undefined || value === '') return { ok: true, iso: null };
  if (typeof value === 'number') return value > 0 && value < 2958466 ? { ok: true, iso: serialToIso(value) } : { ok: false, typed: String(value) };
  const text = String(value).trim();
  if (text === '') return { ok: true, iso: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const result = validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return result ? { ok: true, iso: result } : { ok: false, typed: text };
  }
  const parts = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/.exec(text);
  if (!parts) return { ok: false, typed: text };
  const [a, b, c] = [parts[1], parts[2], parts[3]];
  const order = a.length === 4 ? 'ymd' : dateOrder(locale);
  const n = (s: string) => Number(s);
  const result =
    order === 'ymd' ? validIso(n(a), n(b), n(c))
    : order === 'dmy' ? validIso(expandYear(n(c), c.length), n(b), n(a))
    : validIso(expandYear(n(c), c.length), n(a), n(b));
  return result ? { ok: true, iso: result } : { ok: false, typed: text };
}
