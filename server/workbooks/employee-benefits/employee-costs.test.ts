/** The seed's cost rules for employee benefits, table-driven (pure). */
import { employeeCosts, type RateDefaults, type TypedCosts } from './employee-costs';

const dollar: RateDefaults = { allocation: 'Dollar', total: 3000, employee: 600, employer: 2400 };
const percent: RateDefaults = { allocation: 'Percent', total: 7000, employee: 10, employer: 90 };

describe('employee benefit costs', () => {
  it.each<[string, RateDefaults, TypedCosts, object]>([
    ['a Dollar line with nothing typed takes the rate line\'s amounts', dollar, {}, { total: 3000, employee: 600, employer: 2400, employeePercent: null }],
    ['a Dollar line keeps overridden amounts that add up', dollar, { totalCost: 3500, employeePortion: 800, employerPortion: 2700 }, { total: 3500, employee: 800, employer: 2700 }],
    ['a Percent line computes the portions from the percentages', percent, {}, { total: 7000, employee: 700, employer: 6300, employeePercent: 10, employerPercent: 90 }],
    ['a Percent line follows a changed total and percentages', percent, { totalCost: 8000, employeePercent: 25, employerPercent: 75 }, { employee: 2000, employer: 6000 }],
    ['a Percent line rounds to the cent', percent, { totalCost: 3333.33, employeePercent: 10, employerPercent: 90 }, { employee: 333.33, employer: 3000 }],
  ])('%s', (_name, rate, typed, expected) => {
    expect(employeeCosts(rate, typed)).toEqual({ errors: [], costs: expect.objectContaining(expected) });
  });

  it.each<[string, RateDefaults, TypedCosts, string[]]>([
    ['Dollar amounts that do not add up fail on both portions', dollar, { employeePortion: 700 }, ['employeePortion', 'employerPortion']],
    ['percentages on a Dollar line fail on their column', dollar, { employerPercent: 80 }, ['employerPercent']],
    ['percentages that do not add up to 100 fail on both', percent, { employeePercent: 15 }, ['employeePercent', 'employerPercent']],
    ['a typed portion that disagrees with the percentage fails', percent, { employerPortion: 6000 }, ['employerPortion']],
  ])('%s', (_name, rate, typed, columns) => {
    expect(employeeCosts(rate, typed).errors.map((e) => e.column)).toEqual(columns);
  });

  it('when a downloaded portion is sent back unchanged after the percentage changed, then it is not an override', () => {
    expect(employeeCosts(percent, { employeePercent: 20, employerPercent: 80, employeePortion: 700, employerPortion: 6300 }, { employeePortion: 700, employerPortion: 6300 }).costs).toMatchObject({ employee: 1400, employer: 5600 });
  });
});
