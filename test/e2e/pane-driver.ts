/** What a person does on the preview page: the real task pane beside the simulated sheet. */
import type { Locator, Page } from 'playwright-core';

export const ENGINE_COL = { changed: 0, mark: 1, status: 2, firstData: 3 };

export function paneDriver(page: Page) {
  const cell = (row: number, col: number) => page.locator(`td[data-row="${row}"][data-col="${col}"]`);
  /** Waits until the element shows this text (the pane and the grid update asynchronously). */
  const showsText = (locator: Locator, text: string | RegExp) => locator.filter({ hasText: text }).first().waitFor();
  return {
    cell,
    showsText,
    async signIn() {
      await page.getByLabel('User name').fill('demo');
      await page.getByLabel('Password').fill('demo123');
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    async prepare(title: string, date: string) {
      await page.getByRole('combobox', { name: 'Workbook' }).click();
      await page.getByRole('option', { name: title }).click();
      await page.getByLabel('Session effective date').fill(date);
      await page.getByRole('button', { name: 'Prepare in workbook' }).click();
      await showsText(cell(0, 0), `${title} — Session effective date:`); // the sheet's title row, not the pane's heading
      await page.getByRole('button', { name: 'Upload changes' }).waitFor();
    },
    /** Prepares a batch workbook: the batch name instead of a date; the sheet's A1 shows the title. */
    async prepareBatch(title: string, batchName: string) {
      await page.getByRole('combobox', { name: 'Workbook' }).click();
      await page.getByRole('option', { name: title }).click();
      await page.getByLabel('Batch name').fill(batchName);
      await page.getByRole('button', { name: 'Prepare in workbook' }).click();
      await showsText(page.getByRole('heading', { name: `${title} — Batch ${batchName}` }), batchName);
      await page.getByRole('button', { name: 'Process batch' }).waitFor();
    },
    /** The sheet row whose cell in `col` shows exactly `text`. */
    async rowWhere(col: number, text: string): Promise<number> {
      const found = page.locator(`td[data-col="${col}"]`, { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
      return Number(await found.first().getAttribute('data-row'));
    },
    /** The first blank row after the data (new records go there). */
    async firstBlankRow(col: number): Promise<number> {
      const rows = await page.locator(`td[data-col="${col}"]`).evaluateAll((tds) => tds.filter((td) => (td.textContent ?? '') !== '').map((td) => Number(td.getAttribute('data-row'))));
      return Math.max(...rows) + 1;
    },
    async pick(row: number, col: number, value: string) {
      await cell(row, col).click();
      await cell(row, col).getByLabel('Pick a value').selectOption(value);
    },
    async type(row: number, col: number, value: string) {
      await cell(row, col).dblclick();
      const input = cell(row, col).getByLabel('Edit cell');
      await input.fill(value);
      await input.press('Enter');
    },
    /** Selects the cell and presses Delete, as a person clears a cell in Excel. */
    async clear(row: number, col: number) {
      await cell(row, col).click();
      await cell(row, col).press('Delete');
      await cell(row, ENGINE_COL.status).click(); // move on, so the cell shows its text rather than its dropdown
      await showsText(cell(row, col), /^$/);
    },
    async upload(summary: RegExp) {
      await page.getByRole('button', { name: 'Upload changes' }).click();
      await page.getByText(summary).waitFor();
    },
    status: async (row: number) => cell(row, ENGINE_COL.status).textContent(),
  };
}
