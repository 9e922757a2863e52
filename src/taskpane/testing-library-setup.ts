/**
 * The pane's component tests (jsdom) wait for what the pane shows with findBy and waitFor. Their default of 1 s is
 * too short on a CI machine that runs two jest workers beside Chromium and PostgreSQL: a first render there took
 * over a second. A wait still ends as soon as the pane shows what is awaited; only a failing one waits longer.
 */
if (typeof document !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@testing-library/react') as typeof import('@testing-library/react')).configure({ asyncUtilTimeout: 10000 });
}
