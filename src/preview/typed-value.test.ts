import { typedValue } from './typed-value';

describe('typed cell values', () => {
  it('when digits are typed in a General cell, then Excel stores a number', () => {
    expect(typedValue('42', undefined, 'en-US')).toBe(42);
    expect(typedValue('-1.5', 'General', 'en-US')).toBe(-1.5);
  });

  it('when the cell is formatted as text, then what was typed is kept as text', () => {
    expect(typedValue('00042', '@', 'en-US')).toBe('00042');
  });

  it('when a date is typed in a date cell, then the serial is stored, read in the locale order', () => {
    expect(typedValue('1/15/2026', 'm/d/yyyy', 'en-US')).toBe(46037);
    expect(typedValue('15.01.2026', 'dd.mm.yyyy', 'de-DE')).toBe(46037);
  });

  it('when a date cell gets text that is no date, then the text is kept for the upload to name it', () => {
    expect(typedValue('soon', 'm/d/yyyy', 'en-US')).toBe('soon');
  });

  it('when words are typed, then they stay text', () => {
    expect(typedValue('P10010', undefined, 'en-US')).toBe('P10010');
    expect(typedValue('TRUE', undefined, 'en-US')).toBe(true);
  });
});
