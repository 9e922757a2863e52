/** Every workbook kind the server offers. Adding a kind adds a folder and one line here. */
import { AppError } from '../errors/app-error';
import { benefitBalancesKind } from '../workbooks/benefit-balances/benefit-balances.kind';
import { benefitGroupsKind } from '../workbooks/benefit-groups/benefit-groups.kind';
import { personHabitsKind } from '../workbooks/person-habits/person-habits.kind';
import { enrollmentBatchesKind } from '../workbooks/enrollment-batches/enrollment-batches.kind';
import { enrollmentResultsKind } from '../workbooks/enrollment-results/enrollment-results.kind';
import { participantContactsKind } from '../workbooks/participant-contacts/participant-contacts.kind';
import { changeHistoryKind } from '../workbooks/change-history/change-history.kind';
import { usersKind } from '../workbooks/users/users.kind';
import { benefitCategoriesKind } from '../workbooks/benefit-categories/benefit-categories.kind';
import { benefitCoverageTypesKind } from '../workbooks/benefit-coverage-types/benefit-coverage-types.kind';
import { benefitsKind } from '../workbooks/benefits/benefits.kind';
import { benefitRatesKind } from '../workbooks/benefit-rates/benefit-rates.kind';
import { employeeBenefitsKind } from '../workbooks/employee-benefits/employee-benefits.kind';
import { employeeBenefitDependentsKind } from '../workbooks/employee-benefit-dependents/employee-benefit-dependents.kind';
import { rateGridKind } from '../workbooks/rate-grid/rate-grid.kind';
import { benefitLevelLimitsKind } from '../workbooks/benefit-level-limits/benefit-level-limits.kind';
import { stepDownsKind } from '../workbooks/step-downs/step-downs.kind';
import { groupLifePlansKind } from '../workbooks/group-life-plans/group-life-plans.kind';
import { benefitLevelsKind } from '../workbooks/benefit-levels/benefit-levels.kind';
import { employeeSalariesKind } from '../workbooks/employee-salaries/employee-salaries.kind';
import { rateChangePreviewKind } from '../workbooks/rate-change/rate-change-preview.kind';
import { isBatchKind, type BatchKind, type LifeEventActions, type WorkbookKind } from './workbook-kind';

export const workbookKinds: WorkbookKind[] = [
  benefitGroupsKind,
  benefitBalancesKind,
  personHabitsKind,
  enrollmentBatchesKind,
  enrollmentResultsKind,
  participantContactsKind,
  changeHistoryKind,
  usersKind,
  // Benefit setup seeds after enrollment's contacts: employee benefits' dependents are the employees' contacts.
  benefitCategoriesKind,
  benefitCoverageTypesKind,
  benefitsKind,
  benefitRatesKind,
  employeeBenefitsKind,
  employeeBenefitDependentsKind,
  groupLifePlansKind,
  benefitLevelsKind,
  rateGridKind,
  benefitLevelLimitsKind,
  stepDownsKind,
  employeeSalariesKind,
  rateChangePreviewKind,
];

export const batchKinds: BatchKind[] = workbookKinds.filter(isBatchKind);

export function findKind(kind: string): WorkbookKind {
  const found = workbookKinds.find((k) => k.definition.kind === kind);
  if (!found) throw new AppError('not_found', `There is no workbook called "${kind}". Choose one of: ${workbookKinds.map((k) => k.definition.kind).join(', ')}.`);
  return found;
}

export function findBatchKind(kind: string): BatchKind {
  const found = findKind(kind);
  if (!isBatchKind(found)) throw new AppError('not_found', `The workbook "${kind}" has no batches: it holds records as of a session effective date.`);
  return found;
}

export function findLifeEventActions(kind: string): LifeEventActions {
  const found = findBatchKind(kind);
  if (!found.lifeEvents) throw new AppError('not_found', `The workbook "${kind}" has no life events to back out.`);
  return found.lifeEvents;
}
