import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../tools/synth/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/synth/cli-synth.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run synth', () => {
  it('writes the reports and truth.jsonl, the same as the library for the same seed', () => {
    run('--n', '6', '--seed', '5', '--out', dir, '--inject-rate', '0.5');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(6);
    const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; truth: unknown });
    expect(truth.map((t) => t.file).sort()).toEqual(files);
    const lib = generateReport(5, 3, { injectRate: 0.5 });
    expect(readFileSync(join(dir, lib.file), 'utf8')).toBe(lib.text);
    expect(truth.find((t) => t.file === lib.file)!.truth).toEqual(lib.truth);
  });

  it('rejects bad arguments with a message and exit code 2', () => {
    let err: { status?: number; stderr?: string } = {};
    try { run('--n', '3', '--out', dir, '--layout', 'nope'); } catch (e) { err = e as typeof err; }
    expect(err.status).toBe(2);
    expect(err.stderr).toMatch(/--layout must be one of/);
  });
});
