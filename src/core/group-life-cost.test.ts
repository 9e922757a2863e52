import { ageOn, applyRounding, computeCost, type CostInput, type PlanSettings, type RateRow, type Rounding } from './group-life-cost';
import { bandsMayChange, stepDownProblem } from './step-downs';

const plan: PlanSettings = { basis: 'multiple', roundSalaryFirst: false, roundAfterStepDown: true, rounding: { mode: 'none' }, ratesBasedOnSalary: false };
const rates: RateRow[] = [
  { lowerAge: 20, employeeCost: 0.08, employerCost: 0.02, per: 1000 },
  { lowerAge: 65, employeeCost: 0.12, employerCost: 0.03, per: 1000 },
];
// seed: "1 or 2 times salary until age 65, when there is a 75% step-down" (a 25 % reduction from 65 on).
const stepDowns = [{ lowerAge: 20, percent: 0 }, { lowerAge: 65, percent: 25 }];
const at = (age: number) => `${2027 - age}-01-01`;

function input(over: { salary?: number; age?: number; factor?: number; plan?: Partial<PlanSettings>; level?: Partial<CostInput['level']>; rates?: RateRow[]; gender?: 'Male' | 'Female' }): CostInput {
  return {
    participant: { salary: over.salary ?? 52000, dateOfBirth: at(over.age ?? 40), ageOn: '2027-01-01', payPeriods: 26, gender: over.gender },
    plan: { ...plan, ...over.plan },
    level: { factor: over.factor ?? 2, ...over.level },
    rates: over.rates ?? rates,
    stepDowns,
  };
}

function cost(i: CostInput) {
  const result = computeCost(i);
  if (!result.ok) throw new Error(result.message);
  return result.cost;
}

describe('group life cost (seed: Selerix group life rates)', () => {
  it.each`
    name                                    | salary   | age   | factor | amount    | multiple | employee | employer
    ${'2 × salary before 65'}               | ${52000} | ${40} | ${2}   | ${104000} | ${2}     | ${3.84}  | ${0.96}
    ${'2 × salary at 66: 1.5 × (seed)'}     | ${52000} | ${66} | ${2}   | ${78000}  | ${1.5}   | ${4.32}  | ${1.08}
    ${'1 × salary at 66: 0.75 × (seed)'}    | ${52000} | ${66} | ${1}   | ${39000}  | ${0.75}  | ${2.16}  | ${0.54}
    ${'1 × salary on the 65th birthday'}    | ${52000} | ${65} | ${1}   | ${39000}  | ${0.75}  | ${2.16}  | ${0.54}
    ${'1 × salary the day before 65: full'} | ${52000} | ${64} | ${1}   | ${52000}  | ${1}     | ${1.92}  | ${0.48}
  `('when $name, the benefit is $amount and the premium $employee a pay period', ({ salary, age, factor, amount, multiple, employee, employer }) => {
    const c = cost(input({ salary, age, factor }));
    expect([c.benefitAmount, c.effectiveFactor, c.employeeCost, c.employerCost]).toEqual([amount, multiple, employee, employer]);
  });

  it('when stepped down, the explanation shows every step and the premium formula', () => {
    expect(cost(input({ age: 66 })).explanation).toBe(
      '2 × salary 52,000 = 104,000, stepped down 25 % at age 66 (to 75 %) = 78,000; premium 78,000 × 0.12 / 1,000 × 12 / 26 = 4.32 a pay period (employer 1.08).',
    );
  });

  const nearest: Rounding = { mode: 'nearest', unit: 1000 };
  it.each`
    name                                                      | over                                                                      | age   | amount
    ${'no rounding'}                                          | ${{}}                                                                     | ${66} | ${78510}
    ${'round after step-down (default): round 78,510'}        | ${{ rounding: nearest }}                                                  | ${66} | ${79000}
    ${'not after step-down: round 104,680, then × 75 %'}      | ${{ rounding: nearest, roundAfterStepDown: false }}                       | ${66} | ${78750}
    ${'salary first, up to 1,000: 53,000 × 2 × 75 % = 79,500, up'} | ${{ rounding: { mode: 'up', unit: 1000 }, roundSalaryFirst: true }}       | ${66} | ${80000}
    ${'salary first, down to 1,000: 52,000 × 2'}              | ${{ rounding: { mode: 'down', unit: 1000 }, roundSalaryFirst: true }}     | ${40} | ${104000}
    ${'up to 10,000 after the step-down'}                     | ${{ rounding: { mode: 'up', unit: 10000 } }}                              | ${66} | ${80000}
    ${'down to 1,000, not after step-down: 104,000 × 75 %'}   | ${{ rounding: { mode: 'down', unit: 1000 }, roundAfterStepDown: false }}  | ${66} | ${78000}
  `('when $name, the benefit is $amount', ({ over, age, amount }) => {
    expect(cost(input({ salary: 52340, age, plan: over })).benefitAmount).toBe(amount);
  });

  it('when the salary is rounded first, the explanation says so before the multiple', () => {
    expect(cost(input({ salary: 52340, plan: { rounding: { mode: 'up', unit: 1000 }, roundSalaryFirst: true } })).explanation).toMatch(/^salary 52,340 rounded up to 1,000 = 53,000, 2 × salary 53,000 = 106,000;/);
  });

  it.each`
    name                                          | salary   | factor | level                       | amount
    ${'over the maximum: capped'}                 | ${60000} | ${2}   | ${{ maxBenefit: 100000 }}   | ${100000}
    ${'over the GI limit: capped'}                | ${60000} | ${2}   | ${{ giLimit: 90000 }}       | ${90000}
    ${'over the GI multiple 1.5 × salary'}        | ${60000} | ${2}   | ${{ giMultiplier: 1.5 }}    | ${90000}
    ${'under the minimum: raised'}                | ${30000} | ${1}   | ${{ minBenefit: 50000 }}    | ${50000}
    ${'within every limit: as computed'}          | ${30000} | ${1}   | ${{ minBenefit: 10000, maxBenefit: 100000, giLimit: 50000 }} | ${30000}
  `('when $name, the benefit is $amount', ({ salary, factor, level, amount }) => {
    expect(cost(input({ salary, factor, level })).benefitAmount).toBe(amount);
  });

  it('when the maximum caps the amount, the step-down applies to the capped amount and the message says both', () => {
    const c = cost(input({ salary: 60000, age: 70, level: { maxBenefit: 100000 } }));
    expect(c.benefitAmount).toBe(75000);
    expect(c.explanation).toContain('capped at the maximum benefit 100,000, stepped down 25 %');
  });

  it('when the benefit is a percentage of salary, 50 % of 52,000 is 26,000', () => {
    const c = cost(input({ factor: 50, plan: { basis: 'percent' } }));
    expect([c.benefitAmount, c.employeeCost]).toEqual([26000, 0.96]);
    expect(c.explanation).toMatch(/^50 % of salary 52,000 = 26,000;/);
  });

  it('when rates are based on salary, the premium is on benefit / multiple (the salary): 78,000 / 1.5 = 52,000', () => {
    const c = cost(input({ age: 66, plan: { ratesBasedOnSalary: true } }));
    expect([c.benefitAmount, c.employeeCost]).toEqual([78000, 2.88]);
    expect(c.explanation).toContain('premium (78,000 / 1.5 = 52,000) × 0.12 / 1,000 × 12 / 26 = 2.88');
  });

  it('when the plan has a monthly fee, it is added before the pay-period split', () => {
    expect(cost(input({ plan: { monthlyFee: { employee: 1.3, employer: 0 } } })).employeeCost).toBe(4.44);
  });

  it('when the grid has gender rows, the participant’s own row prices the benefit', () => {
    const gendered: RateRow[] = [
      { lowerAge: 20, gender: 'Male', employeeCost: 0.1, employerCost: 0, per: 1000 },
      { lowerAge: 20, gender: 'Female', employeeCost: 0.08, employerCost: 0, per: 1000 },
    ];
    expect(cost(input({ rates: gendered, gender: 'Male' })).employeeCost).toBe(4.8);
    expect(cost(input({ rates: gendered, gender: 'Female' })).employeeCost).toBe(3.84);
    expect(computeCost(input({ rates: gendered }))).toEqual({ ok: false, message: expect.stringContaining('has rates by gender, and the participant has no gender on record') });
  });

  it('when rates are per 100, the premium divides by 100', () => {
    expect(cost(input({ rates: [{ lowerAge: 0, employeeCost: 0.01, employerCost: 0, per: 100 }] })).employeeCost).toBe(4.8);
  });

  it('when no band covers the age or there is no salary, the result says what to fix', () => {
    expect(computeCost(input({ age: 18 }))).toEqual({ ok: false, message: 'The rate grid has no age band for age 18. Add a band with a lower age limit of 18 or less.' });
    expect(computeCost(input({ salary: 0 }))).toEqual({ ok: false, message: expect.stringContaining('has no salary on record') });
  });

  it('ages are whole years on the age-determination date', () => {
    expect([ageOn('1961-06-15', '2026-06-14'), ageOn('1961-06-15', '2026-06-15'), ageOn('1960-02-29', '2025-02-28'), ageOn('1960-02-29', '2025-03-01')]).toEqual([64, 65, 64, 65]);
  });

  it.each`
    amount      | rounding                            | result
    ${104680}   | ${{ mode: 'nearest', unit: 1000 }}  | ${105000}
    ${104499.5} | ${{ mode: 'nearest', unit: 1000 }}  | ${104000}
    ${104001}   | ${{ mode: 'up', unit: 1000 }}       | ${105000}
    ${104000}   | ${{ mode: 'up', unit: 1000 }}       | ${104000}
    ${104999}   | ${{ mode: 'down', unit: 1000 }}     | ${104000}
    ${52340.4}  | ${{ mode: 'nearest', unit: 1 }}     | ${52340}
    ${52340.4}  | ${{ mode: 'none' }}                 | ${52340.4}
  `('rounding $amount by $rounding.mode to $rounding.unit gives $result', ({ amount, rounding, result }) => {
    expect(applyRounding(amount, rounding)).toBe(result);
  });
});

describe('step-down rules (seed: Step Down tab)', () => {
  it.each`
    name                                        | steps                                                          | problem
    ${'0, then 25, then 50'}                    | ${[[20, 0], [65, 25], [75, 50]]}                               | ${undefined}
    ${'in any order given'}                     | ${[[75, 50], [20, 0], [65, 25]]}                               | ${undefined}
    ${'first not 0'}                            | ${[[20, 10], [65, 25]]}                                        | ${'The first step-down (age 20) must be 0, not 10.'}
    ${'seed: 50 at 60, then 30 at 70'}          | ${[[20, 0], [60, 50], [70, 30]]}                               | ${'The step-down at age 70 (30) must be larger than the one at age 60 (50).'}
    ${'equal to the one before'}                | ${[[20, 0], [60, 25], [70, 25]]}                               | ${'The step-down at age 70 (25) must be larger than the one at age 60 (25).'}
  `('when the steps are $name, the problem is $problem', ({ steps, problem }) => {
    expect(stepDownProblem(steps.map(([lowerAge, percent]: number[]) => ({ lowerAge, percent })))).toBe(problem);
  });

  it('bands may change only while every step-down of the level is 0', () => {
    expect([bandsMayChange([]), bandsMayChange([{ lowerAge: 20, percent: 0 }]), bandsMayChange([{ lowerAge: 20, percent: 0 }, { lowerAge: 65, percent: 25 }])]).toEqual([true, true, false]);
  });
});

describe('Benefit Amount Mode (seed: Annual, Monthly or Weekly salary)', () => {
  // seed: "1 or 2 times salary until age 65 … a 75% step-down … salary multiples .75 and 1.5", on each mode's salary.
  it.each`
    name                                            | mode         | basis         | salary   | age   | factor | amount     | employee
    ${'annual: 2 × 60,000'}                         | ${'annual'}  | ${'multiple'} | ${60000} | ${40} | ${2}   | ${120000}  | ${4.43}
    ${'monthly: 2 × 5,000'}                         | ${'monthly'} | ${'multiple'} | ${60000} | ${40} | ${2}   | ${10000}   | ${0.37}
    ${'monthly at 66: 1.5 × 5,000 (seed)'}          | ${'monthly'} | ${'multiple'} | ${60000} | ${66} | ${2}   | ${7500}    | ${0.42}
    ${'monthly at 66: 0.75 × 5,000 (seed)'}         | ${'monthly'} | ${'multiple'} | ${60000} | ${66} | ${1}   | ${3750}    | ${0.21}
    ${'weekly at 66: 0.75 × 1,000'}                 | ${'weekly'}  | ${'multiple'} | ${52000} | ${66} | ${1}   | ${750}     | ${0.04}
    ${'monthly 60 % of 5,000'}                      | ${'monthly'} | ${'percent'}  | ${60000} | ${40} | ${60}  | ${3000}    | ${0.11}
  `('when $name, the benefit is $amount and the premium $employee a pay period', ({ mode, basis, salary, age, factor, amount, employee }) => {
    const c = cost(input({ salary, age, factor, plan: { benefitAmountMode: mode, basis } }));
    expect([c.benefitAmount, c.employeeCost]).toEqual([amount, employee]);
  });

  it('when the mode is Monthly, the explanation starts from the monthly salary and limits are monthly amounts', () => {
    const c = cost(input({ salary: 60000, age: 66, plan: { benefitAmountMode: 'monthly' }, level: { maxBenefit: 9000 } }));
    expect(c.explanation).toBe(
      'salary 60,000 / 12 = monthly salary 5,000, 2 × monthly salary 5,000 = 10,000, capped at the maximum benefit 9,000, stepped down 25 % at age 66 (to 75 %) = 6,750; premium 6,750 × 0.12 / 1,000 × 12 / 26 = 0.37 a pay period (employer 0.09).',
    );
  });

  it('when rates are based on salary in Monthly mode, the premium is on the full monthly salary', () => {
    // seed: "calculate rates based on full weekly, monthly, or annual salary (dependent on Benefit amount mode)".
    const c = cost(input({ salary: 60000, age: 66, plan: { benefitAmountMode: 'monthly', ratesBasedOnSalary: true } }));
    expect([c.benefitAmount, c.employeeCost]).toEqual([7500, 0.28]);
  });
});
