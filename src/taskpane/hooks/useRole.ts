/** The signed-in user's role, for hiding or disabling what it cannot do (the server refuses it anyway, with 403). */
import { createContext, useContext } from 'react';
import { can, notAllowedReason, type Ability, type Role } from '../../contract/roles';

/** Outside a signed-in pane (component tests) every action is offered. */
export const RoleContext = createContext<Role>('administrator');

export function useAbility(ability: Ability): { allowed: boolean; reason?: string } {
  const role = useContext(RoleContext);
  return can(role, ability) ? { allowed: true } : { allowed: false, reason: notAllowedReason(role, ability) };
}
