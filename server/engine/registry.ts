/** Every workbook kind the server offers. Adding a kind adds a folder and one line here. */
import { AppError } from '../errors/app-error';
import { benefitBalancesKind } from '../workbooks/benefit-balances/benefit-balances.kind';
import { benefitGroupsKind } from '../workbooks/benefit-groups/benefit-groups.kind';
import { personHabitsKind } from '../workbooks/person-habits/person-habits.kind';
import type { EffectiveDatedKind } from './workbook-kind';

export const workbookKinds: EffectiveDatedKind[] = [benefitGroupsKind, benefitBalancesKind, personHabitsKind];

export function findKind(kind: string): EffectiveDatedKind {
  const found = workbookKinds.find((k) => k.definition.kind === kind);
  if (!found) throw new AppError('not_found', `There is no workbook called "${kind}". Choose one of: ${workbookKinds.map((k) => k.definition.kind).join(', ')}.`);
  return found;
}
