/** Users: the accounts, managed by administrators in Excel; a keyed kind (one row per user name, no dates). */
import type { RowError } from '../../../src/contract/api';
import { ROLES } from '../../../src/contract/roles';
import { checkUsername, dataAccessNames, readDataAccess } from '../../auth/users.service';
import { closestValues } from '../../engine/suggestions';
import { readListValue, text } from '../../engine/values';
import { toDownloadPage, type KeyedKind, type Resolution } from '../../engine/workbook-kind';
import { usersDefinition } from './definition';
import { lastAdministratorErrors } from './last-administrator';
import { disableUsers, endSessions, findAdministrators, findGroupNames, findUserRows } from './users.repository';

const YES_NO = ['Yes', 'No'];

export const usersKind: KeyedKind = {
  definition: usersDefinition,
  recordName: 'user',
  table: 'users',
  keyColumn: 'username',
  attributes: { display_name: 'text', role: 'text', disabled: 'boolean', data_access: 'text' },
  // The last-administrator rule spans rows: two administrators' chunks must not each demote "the other" one.
  serialize: true,

  async lists() {
    return { roles: [...ROLES], yesNo: YES_NO };
  },

  async download(db, page) {
    return toDownloadPage(await findUserRows(db, page), (r) => ({ username: r.key, displayName: r.display_name, role: r.role, dataAccess: r.data_access ?? '', disabled: r.disabled ? 'Yes' : 'No' }));
  },

  async resolve(db, inputs) {
    const groups = new Set(await findGroupNames(db));
    const typos = [...new Set(inputs.flatMap((i) => dataAccessNames(text(i.row.values.dataAccess)).filter((n) => !groups.has(n))))];
    const closest = await closestValues(db, typos, [...groups]);
    return inputs.map(({ row, key }): Resolution => {
      const errors: RowError[] = [];
      const attributes: Record<string, unknown> = {};
      const has = (column: string) => row.op === 'insert' || column in row.values;
      if (row.op === 'insert') {
        const problem = checkUsername(key);
        // A new user has no password (never one in the sheet): single sign-on, or `npm run users -- reset-password`.
        if (problem) errors.push({ column: 'username', message: `User Name: ${problem}` });
      }
      if (has('displayName')) attributes.display_name = text(row.values.displayName) || key;
      if (has('role')) {
        const role = readListValue(row.values.role, 'role', 'Role', ROLES);
        if (role.error) errors.push(role.error);
        else if (!role.value) errors.push({ column: 'role', message: `Role is required. Pick one of: ${ROLES.join(', ')}.` });
        else attributes.role = role.value;
      }
      if (has('disabled')) {
        const disabled = readListValue(row.values.disabled, 'disabled', 'Disabled', YES_NO);
        if (disabled.error) errors.push(disabled.error);
        else attributes.disabled = disabled.value === 'Yes';
      }
      if (has('dataAccess')) {
        const typed = text(row.values.dataAccess);
        const access = readDataAccess(typed, groups);
        if (access.error) {
          const fixed = dataAccessNames(typed).map((n) => (groups.has(n) ? n : closest.get(n)));
          const suggestion = fixed.every(Boolean) ? fixed.join('; ') : undefined;
          errors.push({ column: 'dataAccess', message: `Data Access: ${access.error}${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, ...(suggestion ? { suggestion: { column: 'dataAccess', value: suggestion } } : {}) });
        } else attributes.data_access = access.value;
      }
      return errors.length > 0 ? { errors } : { errors, attributes };
    });
  },

  async checkChanges(db, changes, actor) {
    return lastAdministratorErrors(await findAdministrators(db), changes, actor.username);
  },

  // Deleting a row disables the account instead (README "Security"): the audit trail and batch runs name users by
  // user name, so the name stays taken by the one person it always meant, and the account can be enabled again.
  remove: disableUsers,

  async afterWrite(db, changes) {
    // Disabling ends the user's sessions at once: their token answers 401 from the next request on.
    const ended = changes.filter((c) => c.op === 'delete' || (c.after?.disabled === true && c.before?.disabled !== true)).map((c) => c.key);
    if (ended.length > 0) await endSessions(db, ended);
  },
};
