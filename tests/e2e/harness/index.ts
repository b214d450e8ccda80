// End-to-end test harness: Debian Chromium via playwright-core + the project's static server.
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from './browser.ts';
export { DIST_DIR, PROJECT_ROOT, startApp, startServer, type RunningApp, type StaticServer } from './app.ts';
export { buildDataset, type DatasetOptions, type ServedDataset } from './dataset.ts';
export {
  openPage,
  screenshot,
  SCREENSHOT_DIR,
  type CspViolation,
  type OpenedPage,
  type OpenPageOptions,
  type RecordedRequest,
} from './page.ts';
export { openWorkbench, runSql, setSql, sqlFirstCell, waitReady, type WorkbenchSession } from './workbench.ts';
