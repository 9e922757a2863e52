import type { ColumnDefinition } from '../../../src/contract/api';
import type { KeyedKind } from '../../engine/workbook-kind';

const column = (c: Omit<ColumnDefinition, 'editable' | 'enterable' | 'required'> & Partial<ColumnDefinition>): ColumnDefinition => ({ editable: true, enterable: true, required: false, ...c });

/** Administrators manage accounts in Excel: one row per user name (issue 11). */
export const usersDefinition: KeyedKind['definition'] = {
  kind: 'users',
  title: 'Users',
  description: 'Administrators: who may sign in, their role, the benefit groups they may see, and who is disabled. A new user signs in with single sign-on, or gets a password from `npm run users -- reset-password`.',
  scope: 'keyed',
  role: 'administrator',
  columns: [
    // seed of the rule: the key is not modifiable once saved (a changed name would be another account).
    column({ key: 'username', header: 'User Name', type: 'text', editable: false, required: true, width: 22, identifying: true }),
    column({ key: 'displayName', header: 'Display Name', type: 'text', width: 26 }),
    column({ key: 'role', header: 'Role', type: 'text', list: 'roles', required: true, width: 16 }),
    column({ key: 'dataAccess', header: 'Data Access', type: 'text', width: 36 }),
    column({ key: 'disabled', header: 'Disabled', type: 'text', list: 'yesNo', width: 10 }),
  ],
};
