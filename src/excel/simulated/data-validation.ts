/**
 * Range.dataValidation of the simulated Excel: list rules and the input message (prompt) Excel shows beside a
 * selected cell. A cell has one validation: a prompt is part of it, so setting one keeps the cell's list rule, and
 * clear() removes both (Microsoft's "Add data validation to Excel ranges": one rule per range; DataValidation.prompt,
 * ExcelApi 1.8).
 */
import type { Area } from './addresses';
import { checkInlineList, ExcelRuleError } from './range-input';
import type { SheetModel } from './workbook-model';

import { PROMPT_MESSAGE_LIMIT, PROMPT_TITLE_LIMIT } from '../workbook-host';

export interface DataValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

type Edit = (fn: (sheet: SheetModel, area: Area) => void, bytes: number) => void;

export function checkPrompt(prompt: DataValidationPrompt): void {
  if (prompt.title.length > PROMPT_TITLE_LIMIT) throw new ExcelRuleError('InvalidArgument', `The input message title is longer than ${PROMPT_TITLE_LIMIT} characters.`);
  if (prompt.message.length > PROMPT_MESSAGE_LIMIT) throw new ExcelRuleError('InvalidArgument', `The input message is longer than ${PROMPT_MESSAGE_LIMIT} characters.`);
}

/** The dataValidation object of a range whose edits run through `edit` (protection checked there). */
export function dataValidationOf(edit: Edit) {
  return {
    clear: () =>
      edit((sheet, area) => {
        sheet.setFormat(area, 'list', undefined);
        sheet.setFormat(area, 'prompt', undefined);
      }, 8),
    set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
      if (!rule.list) throw new ExcelRuleError('InvalidArgument', 'Only list validation is simulated.');
      const source = rule.list.source;
      const list = source.startsWith('=') ? source : source.split(',').map((s) => s.trim());
      edit((sheet, area) => {
        checkInlineList(source);
        sheet.setFormat(area, 'list', list);
      }, source.length + 2);
    },
    set prompt(prompt: DataValidationPrompt) {
      checkPrompt(prompt);
      edit((sheet, area) => sheet.setFormat(area, 'prompt', prompt.showPrompt ? { title: prompt.title, message: prompt.message } : undefined), prompt.title.length + prompt.message.length + 16);
    },
  };
}
