/** Builds the pane once for every end-to-end file, and the migrated PGlite template their servers start from. */
import { prepareTemplates } from '../../server/test-support/templates';
import { buildPane } from './build-pane';

export default async function globalSetup(): Promise<void> {
  const [paneDir] = await Promise.all([buildPane(), prepareTemplates(undefined)]);
  process.env.BW_PANE_DIR = paneDir;
}
