import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageLayout } from '../core/schema.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** Folder of `outDir` with the original PDFs the reader shows (dist/data/files/ once built). */
export const FILES_DIR = 'files';

/**
 * The reader shows a PDF's own pages with its numbers boxed: the file is copied to files/<report_id>.pdf and its
 * layout (page sizes, a box per text run as [start, end, page, x, y, w, h]) written to files/<report_id>.layout.json.
 */
export async function writeSourceFile(outDir: string, reportId: string, path: string, layout: PageLayout): Promise<void> {
  const dir = join(outDir, FILES_DIR);
  await mkdir(dir, { recursive: true });
  await copyFile(path, join(dir, `${reportId}.pdf`));
  const boxes = layout.boxes.map((b) => [b.start, b.end, b.page, b.x, b.y, b.w, b.h]);
  await writeFileAtomic(join(dir, `${reportId}.layout.json`), JSON.stringify({ version: 1, pages: layout.pages, boxes }));
}
