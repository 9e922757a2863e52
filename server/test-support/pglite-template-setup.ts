/** The migrated PGlite template (templates.ts) for projects whose tests start the real server on PGlite. */
import { prepareTemplates } from './templates';

export default async function pgliteTemplateSetup(): Promise<void> {
  await prepareTemplates(undefined);
}
