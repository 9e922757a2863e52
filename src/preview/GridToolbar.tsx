import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' } });

export interface GridToolbarProps {
  sheets: string[];
  sheet: string;
  onSheet: (name: string) => void;
  onInsertRow: () => void;
  status: string;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** Sheet tabs, Insert row, and paging through a long sheet. */
export function GridToolbar({ sheets, sheet, onSheet, onInsertRow, status, onPrevious, onNext }: GridToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <TabList selectedValue={sheet} onTabSelect={(_, d) => onSheet(String(d.value))} size="small" aria-label="Sheets">
        {sheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <Button size="small" onClick={onInsertRow}>
        Insert row above selection
      </Button>
      <Button size="small" disabled={!onPrevious} onClick={onPrevious}>
        Previous rows
      </Button>
      <Button size="small" disabled={!onNext} onClick={onNext}>
        Next rows
      </Button>
      <Text size={200}>{status}</Text>
    </div>
  );
}
