/**
 * Roles (issue 11), shared by the server (which enforces them) and the pane (which hides or disables what a role
 * cannot do and says why). Each role can do everything the one before it can.
 */
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export const ROLES = ['viewer', 'editor', 'batch-processor', 'administrator'] as const;
export const role = z.enum(ROLES).openapi('Role', { description: 'viewer < editor < batch-processor < administrator; each can do what the one before can' });
export type Role = z.infer<typeof role>;

/** What each role adds, in the words the pane and the README use. */
export const ROLE_TITLES: Record<Role, string> = {
  viewer: 'Viewer',
  editor: 'Editor',
  'batch-processor': 'Batch processor',
  administrator: 'Administrator',
};

/** An action a role may or may not take. */
export type Ability = 'download' | 'upload' | 'process' | 'administer';

/** The least role that may take each action. */
export const ABILITY_ROLE: Record<Ability, Role> = {
  download: 'viewer',
  upload: 'editor',
  process: 'batch-processor',
  administer: 'administrator',
};

/** The roles at or above `least`, e.g. rolesFrom('editor') = editor, batch-processor, administrator. */
export function rolesFrom(least: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(least));
}

export function can(userRole: Role, ability: Ability): boolean {
  return ROLES.indexOf(userRole) >= ROLES.indexOf(ABILITY_ROLE[ability]);
}

/** Why a button is off, for a user whose role does not allow the action. */
export function notAllowedReason(userRole: Role, ability: Ability): string {
  const needed = ROLE_TITLES[ABILITY_ROLE[ability]];
  return `Your role (${ROLE_TITLES[userRole]}) cannot do this: it needs ${/^[AEIOU]/.test(needed) ? 'an' : 'a'} ${needed} or higher. Ask an administrator if you need it.`;
}
