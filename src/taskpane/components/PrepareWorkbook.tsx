import { useState } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookDefinition } from '../../contract/api';
import type { Progress } from '../../engine/engine-types';
import { useDefinitions } from '../hooks/useDefinitions';
import { ProgressStatus } from './ProgressStatus';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface PrepareWorkbookProps {
  loadDefinitions: () => Promise<WorkbookDefinition[]>;
  onPrepare: (kind: string, effectiveDate: string) => void;
  busy: boolean;
  progress?: Progress;
  error?: string;
}

/** Choose a workbook kind and a session effective date, and build the sheet. */
export function PrepareWorkbook({ loadDefinitions, onPrepare, busy, progress, error }: PrepareWorkbookProps) {
  const styles = useStyles();
  const { definitions, error: loadError } = useDefinitions(loadDefinitions);
  const [chosen, setChosen] = useState<string | undefined>();
  const [date, setDate] = useState(today);
  const selected = definitions.find((d) => d.kind === chosen) ?? definitions[0];
  return (
    <div className={styles.form}>
      <Field label="Workbook" hint={selected?.description}>
        <Dropdown value={selected?.title ?? ''} selectedOptions={selected ? [selected.kind] : []} onOptionSelect={(_, d) => setChosen(d.optionValue)}>
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
      <Button appearance="primary" disabled={busy || !selected || !date} onClick={() => selected && onPrepare(selected.kind, date)}>
        Prepare in workbook
      </Button>
      {progress && <ProgressStatus progress={progress} label="Prepare progress" />}
      {(error ?? loadError) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error ?? loadError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
