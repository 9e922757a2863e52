import { chooseBenefitLevel } from './default-benefit-level';

const one = { id: 1, name: '1x Salary' };
const two = { id: 2, name: '2x Salary' };

describe('Default Benefit Level (seed: Selerix Configuration Options)', () => {
  it.each`
    name                                          | named        | defaultLevel | level        | defaulted
    ${'the line names 2x Salary: that level'}     | ${two}       | ${one}       | ${two}       | ${false}
    ${'Option blank, default 1x Salary: 1x'}      | ${undefined} | ${one}       | ${one}       | ${true}
    ${'the line names a level, default None'}     | ${two}       | ${undefined} | ${two}       | ${false}
  `('when $name', ({ named, defaultLevel, level, defaulted }) => {
    expect(chooseBenefitLevel(named, defaultLevel, 'Group Life', ['1x Salary', '2x Salary'])).toEqual({ level, defaulted });
  });

  it('when Option is blank and the default is None, the enrollee must pick a level, and the message lists them', () => {
    expect(chooseBenefitLevel(undefined, undefined, 'Group Life', ['1x Salary', '2x Salary'])).toEqual({
      message: 'Group Life has no Default Benefit Level (None), so the enrollee must pick one: name the level in Option (1x Salary, 2x Salary), or give a Rate Amount or Coverage Amount.',
    });
  });
});
