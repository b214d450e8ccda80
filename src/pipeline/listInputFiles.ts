import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface InputFile {
  /** path as found (input dir joined with the entry name) */
  path: string;
  /** why it cannot be read as a file; the parser never sees it */
  problem?: { code: 'unreadable' | 'not_a_file'; message: string };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Expands inputs into candidate files: directories are walked one level deep, dotfiles skipped, names sorted
 * so builds are reproducible. Any extension is accepted (the parser decides). A path listed twice appears once.
 */
export async function listInputFiles(inputs: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = resolve(file.path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      add({ path: input, problem: { code: 'unreadable', message: messageOf(error) } });
      continue;
    }
    if (!info.isDirectory()) {
      add(await classify(input));
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(input)).filter((n) => !n.startsWith('.')).sort();
    } catch (error) {
      add({ path: input, problem: { code: 'unreadable', message: messageOf(error) } });
      continue;
    }
    for (const name of names) add(await classify(join(input, name)));
  }
  return out;
}

async function classify(path: string): Promise<InputFile> {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path };
    // Reading a FIFO would block the build; a directory inside an input dir is not walked.
    const what = info.isDirectory() ? 'a directory' : 'not a regular file';
    return { path, problem: { code: 'not_a_file', message: `${path} is ${what}; skipped` } };
  } catch (error) {
    return { path, problem: { code: 'unreadable', message: messageOf(error) } };
  }
}
