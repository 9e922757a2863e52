/** What Excel stores when a person types text into a cell: numbers, dates and TRUE/FALSE become values, unless the cell is formatted as text. */
import { isoToSerial, textToIso } from '../core/dates';
import type { Value } from '../excel/simulated/workbook-model';

const isDateFormat = (format: string | undefined) => !!format && format !== 'General' && format !== '@' && /[dmy]/i.test(format);

export function typedValue(text: string, numberFormat: string | undefined, locale: string): Value {
  const trimmed = text.trim();
  if (trimmed === '' || numberFormat === '@') return text;
  if (isDateFormat(numberFormat)) {
    const iso = textToIso(trimmed, locale);
    return iso ? isoToSerial(iso) : text;
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return text;
}
