/** The audit trail's array literals read back as the values they were built from, on PGlite and PostgreSQL. */
import fc from 'fast-check';
import { sql } from 'kysely';
import { dialects, withTestDatabase } from '../test-support/databases';
import { arrayLiteral } from './audit';

jest.setTimeout(60000);

describe.each(dialects)('audit array literal on %s', (dialect) => {
  const test = withTestDatabase(dialect);

  it('when values hold quotes, backslashes, commas, braces, spaces, the word NULL, empty text and nulls, then the database reads back each one as it was', async () => {
    const values = ['plain', 'say "hi"', 'back\\slash', 'a,b', '{braced}', '  spaced  ', 'NULL', '', null, 'ünïcode – “quotes”', '\\"'];
    const { rows } = await sql<{ v: string | null }>`select v from unnest(${arrayLiteral(values)}::text[]) with ordinality as u(v, n) order by n`.execute(test.database.db);
    expect(rows.map((r) => r.v)).toEqual(values);
  });

  it('when the values are any text a cell can hold (no NUL) or null, then the database reads back each one as it was', async () => {
    const cell = fc.option(fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replaceAll('\u0000', '')), { nil: null });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { maxLength: 12 }), async (values) => {
        const { rows } = await sql<{ v: string | null }>`select v from unnest(${arrayLiteral(values)}::text[]) with ordinality as u(v, n) order by n`.execute(test.database.db);
        expect(rows.map((r) => r.v)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });

  it('when dates and nulls go as a date array, then they read back as those dates', async () => {
    const { rows } = await sql<{ v: string | null }>`select v::text as v from unnest(${arrayLiteral(['2026-03-01', null])}::date[]) with ordinality as u(v, n) order by n`.execute(test.database.db);
    expect(rows.map((r) => r.v)).toEqual(['2026-03-01', null]);
  });
});
