import { fingerprint, normaliseValue } from './fingerprint';

const text = { type: 'text' as const };
const number = { type: 'number' as const };
const date = { type: 'date' as const };

describe('fingerprint', () => {
  it('when values differ only in surrounding spaces, number spelling or date form, then the fingerprint is the same', () => {
    const downloaded = fingerprint([normaliseValue(text, 'Gold', 'en-US'), normaliseValue(number, 1.5, 'en-US'), normaliseValue(date, '2026-01-01', 'en-US')]);
    const inSheet = fingerprint([normaliseValue(text, ' Gold ', 'en-US'), normaliseValue(number, '1.50', 'en-US'), normaliseValue(date, 46023, 'en-US')]);
    expect(inSheet).toBe(downloaded);
    expect(fingerprint([normaliseValue(date, '1/1/2026', 'en-US')])).toBe(fingerprint(['2026-01-01']));
  });

  it('when a value changes, is cleared or moves to another column, then the fingerprint changes', () => {
    const base = fingerprint(['Gold', 'Silver']);
    expect(fingerprint(['Gold', 'Bronze'])).not.toBe(base);
    expect(fingerprint(['Gold', null])).not.toBe(base);
    expect(fingerprint(['Silver', 'Gold'])).not.toBe(base);
    expect(fingerprint(['1'])).not.toBe(fingerprint([1]));
  });

  it('when a cell is empty, then it is null; when Excel made digits a number in a text column, then they are text again', () => {
    expect(normaliseValue(text, '   ', 'en-US')).toBeNull();
    expect(normaliseValue(date, '', 'en-US')).toBeNull();
    expect(normaliseValue(text, 12345, 'en-US')).toBe('12345');
    expect(normaliseValue(number, 'abc', 'en-US')).toBe('abc');
    expect(normaliseValue(date, 'soon', 'en-US')).toBe('soon');
  });
});
