import { END_OF_TIME } from '../../engine/effective-dating';
import { decideScenario, SCENARIO_WORDS, type ScenarioDecision } from './rate-change-scenarios';

// seed "Scenarios": the start date of the new rate is January 1, 2013.
const NEW_RATE = '2013-01-01';

describe('Global Benefit Rate Change scenarios (seed)', () => {
  it.each<[string, string, string | null, ScenarioDecision]>([
    ['Scenario 1: open, started 3/1/2011 → end-dated 12/31/2012, new record from 1/1/2013', '2011-03-01', null, { scenario: 1, action: 'split', priorEnd: '2012-12-31', newStart: '2013-01-01' }],
    ['Scenario 1 with the stored open end date', '2011-03-01', END_OF_TIME, { scenario: 1, action: 'split', priorEnd: '2012-12-31', newStart: '2013-01-01' }],
    ['Scenario 2: starts 1/1/2013 → updated in place', '2013-01-01', null, { scenario: 2, action: 'update' }],
    ['Scenario 3: 4/1/2010 to 11/30/2012 → no change', '2010-04-01', '2012-11-30', { scenario: 3, action: 'none' }],
    ['Scenario 3: ended the day before the new rate → no change', '2010-04-01', '2012-12-31', { scenario: 3, action: 'none' }],
    ['Scenario 4: starts 3/1/2013 → no change', '2013-03-01', null, { scenario: 4, action: 'none' }],
    ['Scenario 4: starts after and has an end date → no change', '2013-03-01', '2013-12-31', { scenario: 4, action: 'none' }],
    ['Scenario 5: 4/1/2010 to 3/31/2013 → no change, reported', '2010-04-01', '2013-03-31', { scenario: 5, action: 'none' }],
    ['Scenario 5: ends on the very start date of the new rate → no change', '2010-04-01', '2013-01-01', { scenario: 5, action: 'none' }],
  ])('%s', (_name, start, end, expected) => {
    expect(decideScenario({ start, end }, NEW_RATE)).toEqual(expected);
  });

  it('when a new rate starts on March 1 of a leap year, then the prior record ends on February 29', () => {
    expect(decideScenario({ start: '2023-07-01', end: null }, '2024-03-01')).toMatchObject({ priorEnd: '2024-02-29' });
  });

  it('every scenario has words a benefits professional can read', () => {
    expect(Object.keys(SCENARIO_WORDS)).toEqual(['1', '2', '3', '4', '5']);
  });
});
