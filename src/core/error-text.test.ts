import { errorText, localiseDates, withoutHeader } from './error-text';

describe('error text', () => {
  it('when the server message already starts with the column header, then the header is not doubled', () => {
    expect(errorText('Date of Birth', 'Date of Birth: "2026-13-01" is not a date we can read')).toBe('Date of Birth: "2026-13-01" is not a date we can read');
    expect(errorText('Benefits Group', 'There is no group "Gold".')).toBe('Benefits Group: There is no group "Gold".');
    expect(withoutHeader('Benefits Group', 'benefits group: unknown')).toBe('unknown');
    expect(errorText(undefined, 'Row failed')).toBe('Row failed');
  });

  it('when a message holds ISO dates, then they are shown in the user\'s format, except what the user typed (quoted) or no real date', () => {
    expect(localiseDates('P10050 already has Executives from 2026-06-01; change that record instead.', 'en-US')).toBe('P10050 already has Executives from 6/1/2026; change that record instead.');
    expect(localiseDates('P10050 already has Executives from 2026-06-01 to 2026-12-31.', 'en-GB')).toBe('P10050 already has Executives from 01/06/2026 to 31/12/2026.');
    expect(localiseDates('"2026-06-01" was typed; 2026-13-01 is no date', 'en-GB')).toBe('"2026-06-01" was typed; 2026-13-01 is no date');
  });
});
