/** Removes the run's template databases (global-setup.ts). */
import { removeTemplates } from './templates';

export default async function globalTeardown(): Promise<void> {
  await removeTemplates(process.env.BW_TEST_POSTGRES_URL);
}
