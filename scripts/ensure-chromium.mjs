#!/usr/bin/env node
// Make sure Debian's Chromium is available for the end-to-end tests and the benchmark, and LibreOffice for the
// four-format fixtures (.html → .docx → .pdf). Test tools cannot download their own browsers here; we use
// /usr/bin/chromium (or $CHROMIUM_PATH) and soffice from Debian's libreoffice-writer-nogui.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const MISSING = 'Chromium is missing. Install it with: sudo apt-get install -y chromium fonts-noto-cjk';
const NO_OFFICE = 'LibreOffice is missing (the four-format test will be skipped). Install it with: sudo apt-get install -y libreoffice-writer-nogui';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((p) => existsSync(p));
const hasSoffice = () => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** @param {string[]} args */
const run = (args) =>
  spawnSync(aptGet, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

let updated = false;
/** @param {string[]} packages */
const install = (packages) => {
  if (!isRoot || !aptGet) return false;
  if (!updated) updated = run(['update']);
  return updated && run(['install', '-y', '--no-install-recommends', ...packages]);
};

let code = 0;
if (!existsSync(chromiumPath)) {
  // apt-get can only provide /usr/bin/chromium, not a custom $CHROMIUM_PATH.
  console.log(`${chromiumPath} not found; installing chromium and fonts-noto-cjk with apt-get…`);
  if (chromiumPath !== '/usr/bin/chromium' || !install(['chromium', 'fonts-noto-cjk']) || !existsSync(chromiumPath)) {
    console.error(MISSING);
    code = 1;
  }
}
if (!hasSoffice()) {
  console.log('soffice not found; installing libreoffice-writer-nogui with apt-get…');
  // optional: without it the four-format test is skipped, with this message
  if (!install(['libreoffice-writer-nogui']) || !hasSoffice()) console.error(NO_OFFICE);
}
process.exit(code);
