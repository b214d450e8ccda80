// The pieces that recognise hostile input: sniffBinary, readHtml, decodeDocument (core), inspectPdf and
// navigationOnly (pipeline), on the generated hostile files and on small cases of their own.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeDocument, looksLikeHtml, parseReport, readHtml, sniffBinary } from '../../src/core/index.ts';

const htmlToText = (html: string) => readHtml(html, 'utf-8');
const stripped = (html: string) => htmlToText(html).diagnostics.find((d) => d.code === 'html_stripped')!.message;
import { inspectPdf } from '../../src/pipeline/inspectPdf.ts';
import { navigationOnly } from '../../src/pipeline/navigationOnly.ts';
import { HOSTILE_FILES, writeHostileFiles } from './writeHostileFiles.ts';

let dir: string;
const bytesOf = (f: { name: string }) => readFile(join(dir, f.name));
const utf8 = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-hostile-decode-'));
  await writeHostileFiles(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sniffBinary(bytes)', () => {
  test('names images, archives and PDFs by their signature', async () => {
    expect(sniffBinary(await bytesOf(HOSTILE_FILES.png))?.kind).toBe('png');
    expect(sniffBinary(await bytesOf(HOSTILE_FILES.docx))?.kind).toBe('zip');
    expect(sniffBinary(await bytesOf(HOSTILE_FILES.scanPdf))?.kind).toBe('pdf');
    expect(sniffBinary(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))?.label).toBe('JPEG image');
  });

  test('text in every supported encoding, with NULs inside, is not binary', async () => {
    for (const f of [HOSTILE_FILES.gb18030, HOSTILE_FILES.utf16, HOSTILE_FILES.nul, HOSTILE_FILES.html, HOSTILE_FILES.large])
      expect(sniffBinary(await bytesOf(f)), f.name).toBeNull();
    const bomless = Buffer.from('政府信息公开工作年度报告 2021', 'utf16le');
    expect(sniffBinary(bomless)).toBeNull();
  });

  test('unknown binary data is told by its control bytes', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 32);
    expect(sniffBinary(noise)).toMatchObject({ kind: 'unknown' });
  });
});

describe('readHtml(html)', () => {
  test('drops scripts, styles and their content, counts them and the event handlers', () => {
    const html = '<html><head><style>p{}</style></head><body onload="x()"><script>alert(1)</script><p onclick="y()">一、总体情况</p><p>正文</p></body></html>';
    expect(htmlToText(html).text).toBe('一、总体情况\n正文');
    expect(stripped(html)).toMatch(/removed 1 <script>, 1 <style>, 2 event-handler attributes/);
  });

  test('escaped markup in the text stays text; entities are decoded by the parser, once', () => {
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &#x4e00;&#20108;&nbsp;三</p>').text).toBe('<script>alert(1)</script> &lt; 一二 三');
  });

  test('table rows read as pipe rows with empty cells kept, and as a grid; <pre> keeps its line breaks', () => {
    const doc = htmlToText('<table><tr><td>规章</td><td>0</td><td></td></tr><tr><td>行政规范性文件</td><td>1</td><td>2</td></tr></table>');
    expect(doc.text).toBe('规章 | 0 |  |\n行政规范性文件 | 1 | 2 |');
    expect(doc.grids[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([['规章', '0', ''], ['行政规范性文件', '1', '2']]);
    expect(htmlToText('<pre>a\nb</pre>').text).toBe('a\nb');
  });

  test('text full of unfinished tags costs linear time (a quadratic parser would time this test out)', () => {
    expect(htmlToText(`<html>${'<a b'.repeat(200_000)}`).text.length).toBeLessThan(10);
    expect(htmlToText(`<html>x${'<script a'.repeat(100_000)}`).text).toBe('x');
    expect(htmlToText(`<html>${'<a "'.repeat(100_000)}`).diagnostics).toHaveLength(1);
  });

  test('a page is told from a text that quotes a tag', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('报告 <b>x</b>', 'a.html')).toBe(true);
    expect(looksLikeHtml('一、总体情况\n文中写了 <script> 一词')).toBe(false);
  });
});

describe('decodeDocument(bytes, name)', () => {
  test('says what it did: encoding, NULs removed; tells an HTML page', async () => {
    const codes = async (f: { name: string }) => decodeDocument(await bytesOf(f), f.name).diagnostics.map((d) => d.code);
    expect(await codes(HOSTILE_FILES.gb18030)).toEqual(['encoding']);
    expect(await codes(HOSTILE_FILES.utf16)).toEqual(['encoding']);
    expect(await codes(HOSTILE_FILES.nul)).toEqual(['nul_bytes']);
    expect(await codes(HOSTILE_FILES.html)).toEqual([]);
    expect(decodeDocument(await bytesOf(HOSTILE_FILES.html), HOSTILE_FILES.html.name).html).toBe(true);
    expect(decodeDocument(await bytesOf(HOSTILE_FILES.gb18030), HOSTILE_FILES.gb18030.name).html).toBe(false);
    expect(decodeDocument(utf8('一、总体情况')).diagnostics).toEqual([]);
    expect(decodeDocument(utf8('a\0b')).text).toBe('ab');
  });
});

describe('inspectPdf(bytes)', () => {
  test('a scan has pages and images and no text layer; a text PDF has fonts', async () => {
    expect(inspectPdf(await bytesOf(HOSTILE_FILES.scanPdf))).toEqual({ pages: 2, images: 1, hasText: false });
    expect(inspectPdf(await bytesOf(HOSTILE_FILES.textPdf))).toMatchObject({ pages: 1, hasText: true });
  });

  test('text operators inside a compressed stream are found without a /Font name', async () => {
    const { deflateSync } = await import('node:zlib');
    const stream = deflateSync(Buffer.from('BT 72 700 Td (x) Tj ET'));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n'), stream, Buffer.from('\nendstream\nendobj\n')]);
    expect(inspectPdf(pdf).hasText).toBe(true);
  });
});

describe('navigationOnly(parsed)', () => {
  test('a page of menus, breadcrumbs and footers is navigation only; a report or a short notice is not', async () => {
    const nav = parseReport(await bytesOf(HOSTILE_FILES.nav), HOSTILE_FILES.nav.name);
    expect(navigationOnly(nav)).toMatchObject({ contentChars: 0 });
    expect(navigationOnly(parseReport(await bytesOf(HOSTILE_FILES.gb18030), 'x.txt'))).toBeNull();
    const notice = parseReport(utf8('首页 | 联系我们\n关于调整办公时间的通知：自下周一起，区政务服务中心工作时间调整为上午九点至下午五点，节假日照常办理业务，敬请周知。'), 'n.txt');
    expect(navigationOnly(notice)).toBeNull();
  });
});
