import { useState } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { BatchSummary, WorkbookDefinition } from '../../contract/api';
import type { PrepareScope, Progress } from '../../engine/engine-types';
import { useBatchChoice } from '../hooks/useBatchChoice';
import { useDefinitions } from '../hooks/useDefinitions';
import { BatchPicker } from './BatchPicker';
import { ConfirmDialog } from './ConfirmDialog';
import { ProgressStatus } from './ProgressStatus';
import { EMPTY_SEARCH, SearchFields, type SearchInput } from './SearchFields';
import { personNumbersProblem, toRowSearch } from '../../contract/row-search';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface PrepareWorkbookProps {
  loadDefinitions: () => Promise<WorkbookDefinition[]>;
  /** Batch kinds: the existing batches to pick from (without it, any name is prepared as typed). */
  loadBatches?: (kind: string) => Promise<BatchSummary[]>;
  onPrepare: (kind: string, scope: PrepareScope) => void;
  busy: boolean;
  progress?: Progress;
  error?: string;
  /** Stops the download after the page in flight (the sheet says it is incomplete). */
  onCancel?: () => void;
  cancelling?: boolean;
}

/** Choose a workbook kind and a session effective date (or, for a batch workbook, a batch), and build the sheet. */
export function PrepareWorkbook({ loadDefinitions, loadBatches, onPrepare, busy, progress, error, onCancel, cancelling }: PrepareWorkbookProps) {
  const styles = useStyles();
  const { definitions, error: loadError } = useDefinitions(loadDefinitions);
  const [chosen, setChosen] = useState<string | undefined>();
  const [date, setDate] = useState(today);
  const [batchName, setBatchName] = useState('');
  const [filter, setFilter] = useState('');
  const [searchInput, setSearchInput] = useState<SearchInput>(EMPTY_SEARCH);
  const selected = definitions.find((d) => d.kind === chosen) ?? definitions[0];
  const batch = selected?.scope === 'batch';
  // A keyed workbook (Users) holds plain records: no date to choose.
  const keyed = selected?.scope === 'keyed';
  // A batch sheet may start without a name (it is typed in the sheet before the first upload).
  const filterValue = (selected?.filter && filter.trim()) || undefined;
  // The kind's group and status only where it has them (a field left from another kind is not sent).
  const can = selected?.search;
  const persons = can?.persons !== false;
  const search = toRowSearch({
    personNumbers: persons ? searchInput.personNumbers : '',
    name: persons || can?.name ? searchInput.name : '',
    group: can?.group ? searchInput.group : '',
    status: can?.status ? searchInput.status : '',
  });
  const badSearch = persons && personNumbersProblem(searchInput.personNumbers) !== undefined;
  const scope: PrepareScope = {
    ...(batch || keyed ? { batchName: batchName.trim() || undefined } : { effectiveDate: date, ...(filterValue ? { filter: filterValue } : {}) }),
    ...(search ? { search } : {}),
  };
  const picker = useBatchChoice(batch ? selected?.kind : undefined, loadBatches, busy);
  const go = () => selected && onPrepare(selected.kind, scope);
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
      {batch ? (
        <>
          <Field label="Batch name" hint="Enter a new name to start a batch, or an existing one to download its lines.">
            <Input value={batchName} maxLength={80} onChange={(_, d) => setBatchName(d.value)} />
          </Field>
          {picker.batches && <BatchPicker batches={picker.batches} onPick={setBatchName} />}
        </>
) : keyed ? null : (
        <Field label="Session effective date" hint="Every change you upload starts on this date.">
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
      )}
      {!batch && selected?.filter && (
        <Field label={`${selected.filter.label} (optional)`} hint={selected.filter.hint}>
          <Input value={filter} maxLength={200} onChange={(_, d) => setFilter(d.value)} />
        </Field>
      )}
      {selected && <SearchFields definition={selected} value={searchInput} onChange={setSearchInput} />}
      <Button appearance="primary" disabled={busy || !selected || (!batch && !keyed && !date) || badSearch} onClick={() => (batch ? void picker.prepareOrAsk(batchName, go) : go())}>
        Prepare in workbook
      </Button>
      <ConfirmDialog open={picker.asking} title="Start a new batch?" confirmLabel="Start new batch" onConfirm={() => (picker.cancel(), go())} onCancel={picker.cancel}>
        There is no batch named &quot;{batchName.trim()}&quot;. Start a new batch named &quot;{batchName.trim()}&quot;? Its first upload creates it.
      </ConfirmDialog>
      {progress && <ProgressStatus progress={progress} label="Prepare progress" onCancel={onCancel} cancelling={cancelling} />}
      {(error ?? loadError) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error ?? loadError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
