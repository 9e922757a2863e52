import { excelDateFormat, isoToSerial, readDate, serialToIso } from './dates';

describe('dates', () => {
  it('when a serial comes from Excel, then it converts to ISO and back, across the 1900 leap-year quirk', () => {
    expect(serialToIso(46023)).toBe('2026-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(isoToSerial('2026-01-01')).toBe(46023);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(isoToSerial('4712-12-31'))).toBe('4712-12-31');
  });

  it('when text is typed in the user locale, then it reads day and month in that locale order', () => {
    expect(readDate('3/4/2026', 'en-US')).toEqual({ ok: true, iso: '2026-03-04' });
    expect(readDate('3/4/2026', 'en-GB')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('03.04.26', 'de-DE')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(readDate('2026-04-03', 'en-US')).toEqual({ ok: true, iso: '2026-04-03' });
  });

  it('when a date cannot be read, then what was typed comes back for the message', () => {
    expect(readDate('31/31/2026', 'en-GB')).toEqual({ ok: false, typed: '31/31/2026' });
    expect(readDate('next Tuesday', 'en-US')).toEqual({ ok: false, typed: 'next Tuesday' });
    expect(readDate('2026-02-30', 'en-US')).toEqual({ ok: false, typed: '2026-02-30' });
  });

  it('when a cell is empty, then the date is null', () => {
    expect(readDate('', 'en-US')).toEqual({ ok: true, iso: null });
    expect(readDate(null, 'en-US')).toEqual({ ok: true, iso: null });
  });

  it('when the locale writes dates its own way, then the Excel number format follows it', () => {
    expect(excelDateFormat('en-US')).toBe('m/d/yyyy');
    expect(excelDateFormat('en-GB')).toBe('dd/mm/yyyy');
    expect(excelDateFormat('de-DE')).toBe('dd.mm.yyyy');
  });
});
