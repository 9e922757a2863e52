/** What a person does on the preview page: the real task pane beside the simulated sheet. */
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../server/main';
import { pgliteTemplate } from '../../server/test-support/templates';
import { launchChromium } from './browser';

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
    async prepareBatch(title: string, batchName: string, { isNew = false } = {}) {
      await page.getByRole('combobox', { name: 'Workbook' }).click();
      await page.getByRole('option', { name: title }).click();
      await page.getByText(/^(Existing batches|No batches yet)/).waitFor(); // the list of batches, so a new name is asked about
      await page.getByLabel('Batch name').fill(batchName);
      await page.getByRole('button', { name: 'Prepare in workbook' }).click();
      if (isNew) {
        await showsText(page.getByRole('dialog'), `Start a new batch named "${batchName}"?`);
        await page.getByRole('button', { name: 'Start new batch' }).click();
      }
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
    /** Shows only the rows whose cell in the column headed `header` shows `value` (the sheet's AutoFilter); '(Show all)' clears it. */
    async filter(header: string, value: string) {
      await page.getByLabel('Filter column').selectOption({ label: header });
      await page.getByLabel('Show only').selectOption({ label: value });
    },
    /** Scrolls the sheet right by `pixels`; answers how far it did scroll. */
    async scrollRight(pixels: number): Promise<number> {
      return page.getByRole('grid').evaluate((grid, by) => {
        const scroller = grid.parentElement!;
        scroller.scrollLeft += by;
        return scroller.scrollLeft;
      }, pixels);
    },
    /**
     * Whether the cell is in view: its left edge inside the visible part of the sheet and all of it, or at least its
     * first 100 pixels, showing (a wide Message column is read from its start; it need not fit whole).
     */
    async inView(row: number, col: number): Promise<boolean> {
      const box = await cell(row, col).boundingBox();
      const view = await page.getByRole('grid').evaluate((grid) => {
        const r = grid.parentElement!.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      return box !== null && box.x >= view.left && box.x + Math.min(box.width, 100) <= view.right;
    },
  };
}

export interface PaneSession {
  page: Page;
  pane: ReturnType<typeof paneDriver>;
  close(): Promise<void>;
}

/** The real server (demo data) and, in headless Chromium, its preview page (`query`, e.g. "?chunkRows=2") with the pane signed in as the demo user. */
export async function openSignedInPane(jobs?: ServerOptions['jobs'], query = ''): Promise<PaneSession> {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
  };
  try {
    [server, browser] = await Promise.all([startServer({ port: 0, staticDir: process.env.BW_PANE_DIR, jobs, loadDataDir: pgliteTemplate() }), launchChromium()]);
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'en-US' });
    const pane = paneDriver(page);
    await page.goto(`${server.url}/preview.html${query}`);
    await pane.signIn();
    return { page, pane, close };
  } catch (error) {
    await close();
    throw error;
  }
}
