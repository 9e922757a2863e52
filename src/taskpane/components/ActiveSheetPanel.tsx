import { Text } from '@fluentui/react-components';
import type { WorkbookEngine } from '../../engine/engine-types';
import type { WorkbookHost } from '../../excel/workbook-host';
import { useActiveSheet } from '../hooks/useActiveSheet';
import type { StoppedAction } from '../resume';
import { WorkbookActions } from './WorkbookActions';

export interface ActiveSheetPanelProps {
  host: WorkbookHost;
  engine: WorkbookEngine;
  /** Bumped after each Prepare, so the pane asks again which sheet is on screen. */
  prepared: number;
  /** A Prepare runs: the sheet's actions wait. */
  locked?: boolean;
  onBusyChange?: (busy: boolean) => void;
  stopped?: StoppedAction;
  onStopped?: (stopped: StoppedAction | undefined) => void;
}

/** The actions of the prepared sheet on screen; a tab switch swaps them at once, so each action acts on the sheet it names. */
export function ActiveSheetPanel({ host, engine, prepared, ...rest }: ActiveSheetPanelProps) {
  const { info, selection } = useActiveSheet(host, engine, prepared);
  if (!info) return <Text>Prepare a workbook, or go to a sheet you prepared, to upload changes.</Text>;
  return <WorkbookActions key={`${info.sheet}:${prepared}`} engine={engine} info={info} selection={selection} {...rest} />;
}
