import { useEffect, useState } from 'react';
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookDefinition } from '../../contract/api';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface PrepareWorkbookProps {
  loadDefinitions: () => Promise<WorkbookDefinition[]>;
  onPrepare: (kind: string, effectiveDate: string) => Promise<void>;
  busy: boolean;
}

export function PrepareWorkbook({ loadDefinitions, onPrepare, busy }: PrepareWorkbookProps) {
  const styles = useStyles();
  const [definitions, setDefinitions] = useState<WorkbookDefinition[]>([]);
  const [kind, setKind] = useState<string | undefined>();
  const [date, setDate] = useState(today);
  useEffect(() => {
    void loadDefinitions().then((defs) => {
      setDefinitions(defs);
      setKind((k) => k ?? defs[0]?.kind);
    }, () => undefined);
  }, [loadDefinitions]);
  const selected = definitions.find((d) => d.kind === kind);
  return (
    <div className={styles.form}>
      <Field label="Workbook" hint={selected?.description}>
        <Dropdown value={selected?.title ?? ''} selectedOptions={kind ? [kind] : []} onOptionSelect={(_, d) => setKind(d.optionValue)}>
          {definitions.map((d) => (
            <Option key={d.kind} value={d.kind}>
              {d.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Session effective date" hint="Every change you upload starts on this date.">
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Button appearance="primary" disabled={busy || !kind || !date} onClick={() => kind && void onPrepare(kind, date)}>
        Prepare in workbook
      </Button>
    </div>
  );
}
