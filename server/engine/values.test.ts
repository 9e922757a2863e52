import { readIsoDate, readListValue, readNumber } from './values';

describe('reading uploaded values', () => {
  it('when a date cannot be read, then the message shows what was typed', () => {
    expect(readIsoDate('1990-03-31', 'dob', 'Date of Birth')).toEqual({ date: '1990-03-31' });
    expect(readIsoDate('31/31/1990', 'dob', 'Date of Birth').error).toEqual({ column: 'dob', message: expect.stringContaining('"31/31/1990" is not a date we can read') });
    expect(readIsoDate('1990-02-30', 'dob', 'Date of Birth').error?.message).toContain('"1990-02-30"');
    expect(readIsoDate('', 'dob', 'Date of Birth')).toEqual({});
  });

  it('when a date is shaped right but impossible, then it is an error naming the column and what was typed, not an exception', () => {
    for (const typed of ['2026-13-01', '0000-00-00', '2031-02-32', '2026-00-10', '9999-99-99']) {
      expect(readIsoDate(typed, 'dob', 'Date of Birth')).toEqual({ error: { column: 'dob', message: expect.stringContaining(`Date of Birth: "${typed}" is not a date we can read`) } });
    }
  });

  it('when a number is too large, not a number or negative zero, then it is an error or zero, not an exception', () => {
    const bounds = { min: 0, max: 1e9 };
    for (const typed of ['1e400', 'NaN', 'Infinity', '-Infinity', '1' + '0'.repeat(400)]) {
      expect(readNumber(typed, 'value', 'Value', bounds).error?.message).toBe(`Value must be a number; "${typed}" is not one.`);
    }
    expect(readNumber(1e308, 'value', 'Value', bounds).error?.message).toContain('out of range');
    expect(readNumber(-0, 'value', 'Value', bounds)).toEqual({ number: 0 });
    expect(readNumber(5e-324, 'value', 'Value', bounds)).toEqual({ number: 5e-324 });
  });

  it('when a number is text or out of range, then the message says which', () => {
    expect(readNumber('1,250.50', 'value', 'Value', { min: 0, max: 1e9 })).toEqual({ number: 1250.5 });
    expect(readNumber('lots', 'value', 'Value', { min: 0, max: 1e9 }).error?.message).toBe('Value must be a number; "lots" is not one.');
    expect(readNumber(-5, 'value', 'Value', { min: 0, max: 1e9 }).error?.message).toContain('-5 is out of range');
  });

  it('when a coded value is not in its list, then the choices are named; case does not matter', () => {
    expect(readListValue('yes', 'c', 'Covered', ['Yes', 'No'])).toEqual({ value: 'Yes' });
    expect(readListValue('Maybe', 'c', 'Covered', ['Yes', 'No']).error?.message).toContain('(Yes, No)');
  });
});
