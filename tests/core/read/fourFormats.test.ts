// The same report as text, HTML page, Word file and PDF gives the same cells: 200 generated reports (both forms,
// every table, blanks and injected errors) written as .txt (pipe rows) and .html (the official markup), converted
// by LibreOffice into .docx and that into .pdf, the way offices make them. The set is cached (tests/fixtures/
// generated/); without LibreOffice the test is skipped with the command that installs it.
import { describe, expect, test } from 'vitest';
import { parseFile } from '../../../src/pipeline/parseFile.ts';
import { officeFixtures, readBytes, type Form } from '../../fixtures/officeFixtures.ts';

const fixtures = officeFixtures(undefined, (s) => console.log(s));
const FORMS: Form[] = ['txt', 'html', 'docx', 'pdf'];
const cellKey = (c: { table_id: string; row_key: string; col_key: string }) => `${c.table_id}.${c.row_key}.${c.col_key}`;

if ('skipped' in fixtures) {
  console.warn(`four-format test skipped: ${fixtures.skipped}`);
  test.skip(`four formats (${fixtures.skipped})`, () => {});
} else {
  describe('the cells of a report are the same from .txt, .html, .docx and .pdf', () => {
    test('the set covers both forms and every table', () => {
      expect(fixtures.reports.length).toBeGreaterThanOrEqual(200);
      expect(new Set(fixtures.reports.map((r) => r.truth.format))).toEqual(new Set(['gov_2021', 'gov_2019']));
      const tables = new Set(fixtures.reports.flatMap((r) => r.truth.cells.map((c) => c.table_id)));
      for (const id of ['active_art20_1', 'active_art20_5', 'active_art20_6', 'active_art20_8', 'active_art20_9', 'applications', 'review_litigation']) expect(tables).toContain(id);
      expect(fixtures.reports.some((r) => r.truth.cells.some((c) => c.state === 'blank'))).toBe(true);
    });

    test.each(fixtures.reports.map((r) => [r.base, r] as const))('%s', async (_base, r) => {
      const truth = new Map(r.truth.cells.map((c) => [cellKey(c), `${c.value}/${c.state}`]));
      for (const form of FORMS) {
        const parsed = await parseFile(readBytes(r.files[form]), r.files[form]);
        expect(parsed.report.source_kind, form).toBe(form === 'txt' ? 'text' : form);
        const got = new Map(parsed.cells.map((c) => [cellKey(c), `${c.value}/${c.state}`]));
        expect(Object.fromEntries(got), `${r.base}.${form}`).toEqual(Object.fromEntries(truth));
        // every cell's offsets point at its raw text
        for (const c of parsed.cells) if (c.raw) expect(parsed.text.slice(c.start, c.end), `${form} ${cellKey(c)}`).toBe(c.raw);
      }
    });
  });
}
