import { dateOrder, excelDateFormat, formatIsoForLocale, isoToSerial, readDate, serialToIso, textToIso } from './dates';

describe('dates', () => {
  it('when a serial comes from Excel, then it converts to ISO and back, across the 1900 leap-year quirk', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(46023)).toBe('2026-01-01');
    expect(serialToIso(46023.75)).toBe('2026-01-01'); // a time of day is dropped
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(isoToSerial('2026-01-01')).toBe(46023);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(isoToSerial('4712-12-31'))).toBe('4712-12-31');
  });

  it("when the serial is Excel's fictitious 1900-02-29 or out of range, then it is invalid and says what was there", () => {
    expect(readDate(60, 'en-US')).toEqual({ ok: false, typed: '1900-02-29' });
    expect(readDate(0, 'en-US')).toEqual({ ok: false, typed: '0' });
    expect(readDate(-3, 'en-US')).toEqual({ ok: false, typed: '-3' });
  });

  it('when text is typed in the user locale, then it reads day and month in that locale order', () => {
    expect(readDate('3/4/2026', 'en-US')).toEqual({ ok: true, iso: '2026-03-04' });
    expect(readDate('3/4/2026', 'en-GB')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('03/04/2026', 'fr-FR')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('03.04.26', 'de-DE')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('3-4-99', 'nl-NL')).toEqual({ ok: true, iso: '1999-04-03' });
    expect(readDate('26-04-03', 'sv-SE')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('2026/04/03', 'en-US')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate(' 2026-04-03 ', 'en-US')).toEqual({ ok: true, iso: '2026-04-03' });
  });

  it('when a date cannot be read, then what was typed comes back for the message', () => {
    expect(readDate('31/31/2026', 'en-GB')).toEqual({ ok: false, typed: '31/31/2026' });
    expect(readDate('next Tuesday', 'en-US')).toEqual({ ok: false, typed: 'next Tuesday' });
    expect(readDate('2026-02-30', 'en-US')).toEqual({ ok: false, typed: '2026-02-30' });
    expect(readDate('3/4.2026', 'en-US')).toEqual({ ok: false, typed: '3/4.2026' });
    expect(readDate(true, 'en-US')).toEqual({ ok: false, typed: 'true' });
    expect(textToIso('29/02/2025', 'en-GB')).toBeUndefined();
  });

  it('when a cell is empty, then the date is null', () => {
    expect(readDate('', 'en-US')).toEqual({ ok: true, iso: null });
    expect(readDate('  ', 'en-US')).toEqual({ ok: true, iso: null });
    expect(readDate(null, 'en-US')).toEqual({ ok: true, iso: null });
  });

  it('when the locale writes dates its own way, then the Excel number format and labels follow it', () => {
    expect(dateOrder('en-US')).toBe('mdy');
    expect(dateOrder('fr-FR')).toBe('dmy');
    expect(dateOrder('ja-JP')).toBe('ymd');
    expect(excelDateFormat('en-US')).toBe('m/d/yyyy');
    expect(excelDateFormat('en-GB')).toBe('dd/mm/yyyy');
    expect(excelDateFormat('fr-FR')).toBe('dd/mm/yyyy');
    expect(excelDateFormat('de-DE')).toBe('dd.mm.yyyy');
    expect(excelDateFormat('sv-SE')).toBe('yyyy-mm-dd');
    expect(formatIsoForLocale('2026-01-05', 'en-US')).toBe('1/5/2026');
    expect(formatIsoForLocale('2026-01-05', 'en-GB')).toBe('05/01/2026');
    expect(formatIsoForLocale('2026-01-05', 'sv-SE')).toBe('2026-01-05');
  });

  it('when a date is shown in the locale format and read back, then it is the same date', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'sv-SE', 'ja-JP', 'nl-NL']) {
      expect(textToIso(formatIsoForLocale('2031-12-09', locale), locale)).toBe('2031-12-09');
    }
  });
});
