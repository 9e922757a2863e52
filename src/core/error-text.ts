/**
 * An error as the person reads it: named by its column once (the server may already start its message with the
 * column's header), with dates in the person's own format, as the sheet shows them.
 */
import { formatIsoForLocale, textToIso } from './dates';

/** The message without a leading "Header: " that repeats the column's name. */
export function withoutHeader(header: string | undefined, message: string): string {
  if (!header) return message;
  const prefix = `${header}:`;
  return message.toLowerCase().startsWith(prefix.toLowerCase()) ? message.slice(prefix.length).trimStart() : message;
}

/** "Date of Birth: … is not a date we can read", never "Date of Birth: Date of Birth: …". */
export function errorText(header: string | undefined, message: string): string {
  return header ? `${header}: ${withoutHeader(header, message)}` : message;
}

/**
 * ISO dates in a server message (2026-06-01) in the person's format (6/1/2026, 01/06/2026). What the person typed is
 * shown quoted and stays exactly as typed; an ISO form that is not a real date is left alone.
 */
export function localiseDates(message: string, locale: string): string {
  return message
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') ? part : part.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => (textToIso(iso, locale) === iso ? formatIsoForLocale(iso, locale) : iso))))
    .join('');
}
