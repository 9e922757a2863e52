import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FailedRow } from '../../engine/engine-types';

const useStyles = makeStyles({ buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

type Suggestion = { column: string; value: string };

export interface SuggestionButtonsProps {
  /** The row whose errors are shown. */
  failed: FailedRow | undefined;
  /** Every failed row: "for every cell" is offered when another row has the same suggestion. */
  allFailed: FailedRow[];
  disabled: boolean;
  onUse: (row: FailedRow, suggestion: Suggestion, everywhere: boolean) => void;
}

const same = (a: Suggestion, b: Suggestion | undefined) => b !== undefined && a.column === b.column && a.value === b.value;

/** "Did you mean": one button per suggestion in the row's errors, and one for every cell with the same typo. */
export function SuggestionButtons({ failed, allFailed, disabled, onUse }: SuggestionButtonsProps) {
  const styles = useStyles();
  const suggestions = (failed?.errors ?? []).flatMap((e) => (e.suggestion ? [{ suggestion: e.suggestion, header: e.header ?? e.suggestion.column }] : []));
  if (!failed || suggestions.length === 0) return null;
  return (
    <div className={styles.buttons} role="group" aria-label="Suggestions">
      {suggestions.map(({ suggestion: s, header }) => {
        const others = allFailed.filter((r) => r.row !== failed.row && r.errors.some((e) => same(s, e.suggestion))).length;
        return (
          <span key={`${s.column}:${s.value}`} className={styles.buttons}>
            <Button disabled={disabled} onClick={() => onUse(failed, s, false)}>
              Use {s.value}
            </Button>
            {others > 0 && (
              <Button disabled={disabled} onClick={() => onUse(failed, s, true)}>
                Use {s.value} in every {header} cell with this typo
              </Button>
            )}
          </span>
        );
      })}
    </div>
  );
}
