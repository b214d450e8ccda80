// A real corpus folder: files/ (the documents), keys/ (hand-read answer keys, formats*.json), sources/ (where each came from).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnswerKey } from './scoreRecords.ts';
import type { SourceNote } from './layoutClasses.ts';

export interface CorpusEntry {
  dir: string;
  file: string;
  path: string;
  sha256: string;
  key?: AnswerKey;
  /** expected format, 'a|b' for alternatives */
  format?: string;
  source?: SourceNote;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Entries of one folder; a folder without files/ is taken as files + keys side by side (real-dev's layout). */
export function loadCorpus(dir: string): CorpusEntry[] {
  const filesDir = join(dir, 'files');
  const keysDir = join(dir, 'keys');
  const sourcesDir = join(dir, 'sources');
  if (!existsSync(filesDir)) throw new Error(`${dir}: no files/ folder`);
  const keys = new Map<string, AnswerKey>();
  const formats = new Map<string, string>();
  if (existsSync(keysDir)) {
    for (const name of readdirSync(keysDir).sort()) {
      if (!name.endsWith('.json')) continue;
      const data = readJson(join(keysDir, name));
      if (/^formats.*\.json$/.test(name)) {
        for (const [f, fmt] of Object.entries(data as Record<string, string | null>)) if (fmt) formats.set(f, fmt);
        continue;
      }
      const k = data as AnswerKey;
      if (!k || typeof k.file !== 'string' || !Array.isArray(k.cells)) throw new Error(`${join(keysDir, name)}: not an answer key (file, format, cells)`);
      keys.set(k.file, k);
    }
  }
  const sources = new Map<string, SourceNote>();
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir).sort()) {
      if (!name.endsWith('.json')) continue;
      const s = readJson(join(sourcesDir, name)) as SourceNote;
      if (s && typeof s.file === 'string') sources.set(s.file, s);
    }
  }
  return readdirSync(filesDir).sort().filter((f) => !f.startsWith('.')).map((file) => {
    const path = join(filesDir, file);
    const key = keys.get(file);
    const format = formats.get(file) ?? key?.format ?? undefined;
    return { dir, file, path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), key, format, source: sources.get(file) };
  });
}

/** Several folders, the same document (same bytes) counted once: the first folder that has it wins. */
export function loadCorpora(dirs: readonly string[]): CorpusEntry[] {
  const seen = new Set<string>();
  const out: CorpusEntry[] = [];
  for (const d of dirs) {
    for (const e of loadCorpus(d)) {
      if (seen.has(e.sha256)) continue;
      seen.add(e.sha256);
      out.push(e);
    }
  }
  return out;
}

export const displayName = (e: CorpusEntry, many: boolean): string => (many ? `${basename(e.dir.replace(/\/(tests\/fixtures\/real|files)\/?$/, '')) || e.dir}/${e.file}` : e.file);
