import { useEffect, useState } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../api/api-client';
import type { RateChangeChoices, RateChangeCriteria } from '../../contract/rate-change';
import type { WorkbookEngine } from '../../engine/engine-types';
import { useRateChange } from '../hooks/useRateChange';
import { useAbility } from '../hooks/useRole';
import { previewSummary, runSummary } from '../rate-change-summary';
import { ProgressStatus } from './ProgressStatus';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }, buttons: { display: 'flex', gap: tokens.spacingHorizontalS } });

type Choice = 'All' | 'Selection';

/** seed: "Choose All…, or change the option to Selection" — one criterion of the rate change. */
function Criterion({ label, choice, onChoice, children }: { label: string; choice: Choice; onChoice: (c: Choice) => void; children: React.ReactNode }) {
  return (
    <>
      <Field label={label}>
        <Dropdown value={choice} selectedOptions={[choice]} onOptionSelect={(_, d) => onChoice(d.optionValue as Choice)}>
          <Option value="All">All</Option>
          <Option value="Selection">Selection</Option>
        </Dropdown>
      </Field>
      {choice === 'Selection' && children}
    </>
  );
}

export interface RateChangePanelProps {
  api: ApiClient;
  engine: WorkbookEngine;
  busy: boolean;
  onPrepared?: () => void;
}

/** Global Benefit Rate Change: choose employee groups, employees, benefits and the new rate's start date; preview; run. */
export function RateChangePanel({ api, engine, busy, onPrepared }: RateChangePanelProps) {
  const styles = useStyles();
  const process = useAbility('process');
  const rc = useRateChange(api, engine, { onPrepared });
  const [date, setDate] = useState('');
  const [groups, setGroups] = useState<{ choice: Choice; picked: string[] }>({ choice: 'All', picked: [] });
  const [employees, setEmployees] = useState<{ choice: Choice; text: string }>({ choice: 'All', text: '' });
  const [benefits, setBenefits] = useState<{ choice: Choice; picked: string[] }>({ choice: 'All', picked: [] });
  const [choices, setChoices] = useState<RateChangeChoices | undefined>();
  useEffect(() => {
    if (!date || !process.allowed) return;
    api.rateChangeChoices(date).then(setChoices, () => setChoices(undefined));
  }, [api, date, process.allowed]);
  if (!process.allowed) return null;
  const criteria: RateChangeCriteria = {
    employeeGroups: groups.choice === 'All' ? 'All' : groups.picked,
    employees: employees.choice === 'All' ? 'All' : employees.text.split(/[\s,;]+/).filter(Boolean),
    benefits: benefits.choice === 'All' ? 'All' : benefits.picked.map(Number),
    newRateStart: date,
  };
  const working = busy || rc.task.busy;
  const lines = rc.run ? runSummary(rc.run) : rc.preview ? previewSummary(rc.preview) : [];
  return (
    <section className={styles.form} aria-label="Global Benefit Rate Change">
      <Text as="h2" size={400} weight="semibold">
        Global Benefit Rate Change
      </Text>
      <Text>Applies the rates in effect on the start date to the selected employee benefit records. The end date for the old rate is one day before the start date of the new rate.</Text>
      <Criterion label="Employee Group(s)" choice={groups.choice} onChoice={(choice) => setGroups({ ...groups, choice })}>
        <Field label="Employee groups to include">
          <Dropdown multiselect placeholder="Pick one or more groups" selectedOptions={groups.picked} onOptionSelect={(_, d) => setGroups({ ...groups, picked: d.selectedOptions })}>
            {(choices?.employeeGroups ?? []).map((g) => <Option key={g} value={g}>{g}</Option>)}
          </Dropdown>
        </Field>
      </Criterion>
      <Criterion label="Employee(s)" choice={employees.choice} onChoice={(choice) => setEmployees({ ...employees, choice })}>
        <Field label="Person numbers" hint="Separate them with commas or spaces, e.g. P10002, P10003.">
          <Input value={employees.text} onChange={(_, d) => setEmployees({ ...employees, text: d.value })} />
        </Field>
      </Criterion>
      <Criterion label="Benefit(s)" choice={benefits.choice} onChoice={(choice) => setBenefits({ ...benefits, choice })}>
        <Field label="Benefits to include">
          <Dropdown multiselect placeholder="Pick one or more benefits" selectedOptions={benefits.picked} onOptionSelect={(_, d) => setBenefits({ ...benefits, picked: d.selectedOptions })}>
            {(choices?.benefits ?? []).map((b) => <Option key={b.id} value={String(b.id)} text={`${b.id} ${b.name}`}>{`${b.id} ${b.name}`}</Option>)}
          </Dropdown>
        </Field>
      </Criterion>
      <Field label="Start Date for New Rate" hint="The rates in effect on this date are the new rates.">
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button disabled={working || !date} onClick={() => void rc.doPreview(criteria)}>
          Preview rate change
        </Button>
        <Button appearance="primary" disabled={working || !rc.preview || rc.run !== undefined} onClick={() => void rc.doRun()}>
          Run rate change
        </Button>
      </div>
      {rc.task.progress && <ProgressStatus progress={rc.task.progress} label="Rate change progress" />}
      {rc.task.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{rc.task.error}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && (
        <MessageBar intent={rc.run?.status === 'failed' ? 'error' : rc.run ? 'success' : 'info'} layout="multiline" aria-label="Rate change result">
          <MessageBarBody>
            {lines.map((l) => <div key={l}>{l}</div>)}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
