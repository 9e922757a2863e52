import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookDefinition } from '../../contract/api';
import { personNumbersProblem } from '../../contract/row-search';

const useStyles = makeStyles({ group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** What was typed in the search fields, as typed (the pane and the server read the person numbers the same way). */
export interface SearchInput {
  personNumbers: string;
  name: string;
  group: string;
  status: string;
}

export const EMPTY_SEARCH: SearchInput = { personNumbers: '', name: '', group: '', status: '' };

export interface SearchFieldsProps {
  definition: WorkbookDefinition;
  value: SearchInput;
  onChange: (value: SearchInput) => void;
}

/**
 * Search before download: person numbers (pasted from anywhere: commas, spaces, tabs or line breaks between them),
 * name contains, and the kind's own group and status. A bad person number is named under the field at once.
 */
export function SearchFields({ definition, value, onChange }: SearchFieldsProps) {
  const styles = useStyles();
  const problem = personNumbersProblem(value.personNumbers);
  const set = (key: keyof SearchInput) => (_: unknown, d: { value: string }) => onChange({ ...value, [key]: d.value });
  const { persons, name, group, status } = definition.search ?? {};
  const withPersons = persons !== false;
  if (!withPersons && !name && !group && !status) return null;
  return (
    <fieldset className={styles.group} aria-label="Search before download">
      <legend>Only some rows (optional)</legend>
      {withPersons && (
        <Field
          label="Person numbers"
          hint="Paste a list: commas, spaces or line breaks between the numbers. Leave empty for everyone."
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
        >
          <Textarea value={value.personNumbers} resize="vertical" onChange={set('personNumbers')} />
        </Field>
      )}
      {(withPersons || name) && (
        <Field label={`${name?.label ?? 'Name'} contains`} hint={name?.hint ?? "Part of the person's name, such as smi for Smith."}>
          <Input value={value.name} maxLength={200} onChange={set('name')} />
        </Field>
      )}
      {group && (
        <Field label={group.label} hint={group.hint}>
          <Input value={value.group} maxLength={200} onChange={set('group')} />
        </Field>
      )}
      {status && (
        <Field label={status.label} hint={status.hint}>
          <Input value={value.status} maxLength={200} onChange={set('status')} />
        </Field>
      )}
    </fieldset>
  );
}
