/** Builds the pane once for every end-to-end file. */
import { buildPane } from './build-pane';

export default async function globalSetup(): Promise<void> {
  process.env.BW_PANE_DIR = await buildPane();
}
