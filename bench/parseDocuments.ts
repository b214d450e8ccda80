// Reader throughput on one core: PDF pages/s and .docx files/s (the four-format fixtures made by LibreOffice, when
// cached: npm run fixtures:office), and the real 6-page WPS PDF of real-dev parsed end to end (target < 1 s).
// pdf.js runs its worker in this thread in Node, so the process's CPU time is one core's.
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/pipeline/parseFile.ts';
import { officeFixtures } from '../tests/fixtures/officeFixtures.ts';
import { REAL_DEV, realFile } from '../tests/fixtures/realDev.ts';
import { printTable, summarize, type BenchOptions } from './lib.ts';

async function rate(files: Uint8Array[], names: string[], units: (i: number) => number, options: BenchOptions) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const total = files.reduce((n, _, i) => n + units(i), 0);
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let cells = 0;
    for (let i = 0; i < files.length; i++) cells += (await parseFile(files[i]!, names[i]!)).cells.length;
    const t = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    if (cells < files.length * 150) throw new Error(`only ${cells} cells from ${files.length} files: the reader is not reading the tables`);
    if (run < options.warmup) continue;
    wall.push(total / t);
    cpu.push(total / ((c.user + c.system) / 1e6));
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export async function parseDocuments(options: BenchOptions): Promise<unknown> {
  const out: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];
  const fx = officeFixtures();
  if ('skipped' in fx) console.log(`PDF/.docx throughput skipped: ${fx.skipped}`);
  else {
    const some = fx.reports.slice(0, 30);
    const pdfs = some.map((r) => new Uint8Array(readFileSync(r.files.pdf)));
    const pages = pdfs.map((b) => (new TextDecoder('latin1').decode(b).match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length);
    const pdf = await rate(pdfs, some.map((r) => r.files.pdf), (i) => pages[i]!, options);
    const docx = await rate(some.map((r) => new Uint8Array(readFileSync(r.files.docx))), some.map((r) => r.files.docx), () => 1, options);
    rows.push(['PDF pages/s (wall clock)', pdf.wall.median, pdf.wall.min, pdf.wall.max, pdf.wall.n]);
    rows.push(['PDF pages/s per core (CPU time)', pdf.cpu.median, pdf.cpu.min, pdf.cpu.max, pdf.cpu.n]);
    rows.push(['.docx files/s per core (CPU time)', docx.cpu.median, docx.cpu.min, docx.cpu.max, docx.cpu.n]);
    out.pdf_pages_per_s = pdf;
    out.docx_files_per_s = docx;
    console.log(`${some.length} generated reports as LibreOffice PDFs (${pages.reduce((a, b) => a + b, 0)} pages) and .docx files`);
  }
  if (REAL_DEV) {
    const bytes = new Uint8Array(readFileSync(realFile('001.pdf')));
    const ms: number[] = [];
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const c0 = process.cpuUsage();
      await parseFile(bytes, '001.pdf');
      const c = process.cpuUsage(c0);
      if (run >= options.warmup) ms.push((c.user + c.system) / 1000);
    }
    const s = summarize(ms);
    rows.push(['real-dev 001.pdf (6 pages), ms per core', s.median, s.min, s.max, s.n]);
    out.real_6_page_pdf_ms = { ...s, target_ms: 1000, ratio_to_target: s.median / 1000 };
  }
  if (rows.length) printTable(['measure', 'median', 'min', 'max', 'runs'], rows);
  return out;
}
