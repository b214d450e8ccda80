#!/usr/bin/env node
// Make sure Debian's Chromium is available for the end-to-end tests and the benchmark.
// Test tools cannot download their own browsers here; we use /usr/bin/chromium (or $CHROMIUM_PATH).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const MISSING = 'Chromium is missing. Install it with: sudo apt-get install -y chromium fonts-noto-cjk';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(chromiumPath)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((p) => existsSync(p));

// apt-get can only provide /usr/bin/chromium, not a custom $CHROMIUM_PATH.
if (!isRoot || !aptGet || chromiumPath !== '/usr/bin/chromium') {
  console.error(MISSING);
  process.exit(1);
}

console.log(`${chromiumPath} not found; installing chromium and fonts-noto-cjk with apt-get…`);
/** @param {string[]} args */
const run = (args) =>
  spawnSync(aptGet, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

if (run(['update']) && run(['install', '-y', 'chromium', 'fonts-noto-cjk']) && existsSync(chromiumPath)) {
  process.exit(0);
}
console.error(MISSING);
process.exit(1);
