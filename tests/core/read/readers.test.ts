// The readers: HTML (parse5), Word (.docx via fflate + htmlparser2), PDF (pdf.js) → SourceDocument with grids whose
// cells point into the text, and the real development files read as their hand-read keys say.
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { SourceDocument } from '../../../src/core/document/sourceDocument.ts';
import { readHtml } from '../../../src/core/read/readHtml.ts';
import { readDocx } from '../../../src/core/read/readDocx.ts';
import { readDocument } from '../../../src/core/read/readDocument.ts';
import { readPdf } from '../../../src/core/read/pdf/readPdf.ts';
import { pdfPlatformNode } from '../../../src/pipeline/pdfPlatformNode.ts';
import { parseFile } from '../../../src/pipeline/parseFile.ts';
import { cjkReportPdf } from '../../fixtures/cjkPdf.ts';
import { REAL_DEV, realFile } from '../../fixtures/realDev.ts';

const texts = (doc: SourceDocument, i = 0) => doc.grids[i]!.rows.map((r) => r.map((c) => c.text));

/** Every grid cell's text stands at its offsets; covered slots repeat their cell. */
function expectOffsets(doc: SourceDocument): void {
  for (const g of doc.grids) {
    const width = g.rows[0]!.length;
    for (const row of g.rows) {
      expect(row).toHaveLength(width);
      for (const c of row) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(g.start).toBeLessThan(g.end);
  }
  for (const b of doc.boxes ?? []) expect(doc.text.slice(b.start, b.end).length).toBe(b.end - b.start);
}

describe('readHtml(html, encoding)', () => {
  const page = `<html><head><title>t</title><script>x()</script></head><body>
    <div class="nav"><a href="/">首页</a></div><p>一、总体情况</p><p>正文第一句，
    接着第二句。</p>
    <table>
      <tr><td colspan="2" rowspan="2">（本列数据的勾稽关系）</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>总计</td></tr>
      <tr><td rowspan="2"><p><span>三、本年度</span><span>办理结果</span></p></td><td>（一）予以公开</td><td>5</td><td>&nbsp;</td></tr>
      <tr><td>（二）部分公开</td><td><o:p></o:p></td><td>7</td></tr>
    </table>
    <table><tr><td><table><tr><td>内</td><td>表</td></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>
  </body></html>`;
  const doc = readHtml(page, 'utf-8');

  test('rowspan and colspan resolve into a rectangular grid; covered slots repeat their cell', () => {
    expect(texts(doc)).toEqual([
      ['（本列数据的勾稽关系）', '（本列数据的勾稽关系）', '申请人情况', '申请人情况'],
      ['（本列数据的勾稽关系）', '（本列数据的勾稽关系）', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '5', ''],
      ['三、本年度办理结果', '（二）部分公开', '', '7'],
    ]);
    expect(doc.grids[0]!.rows[3]![0]).toMatchObject({ covered: true, start: doc.grids[0]!.rows[2]![0]!.start });
    expectOffsets(doc);
  });

  test('each source row is a pipe line of its own cells, empty ones kept; prose lines joined across markup breaks', () => {
    expect(doc.text).toContain('三、本年度办理结果 | （一）予以公开 | 5 |  |\n（二）部分公开 |  | 7 |');
    expect(doc.text).toContain('正文第一句，接着第二句。');
    expect(doc.text).not.toContain('x()');
  });

  test('a table holding a table is page layout: the inner one is the grid', () => {
    expect(doc.grids).toHaveLength(2);
    expect(texts(doc, 1)).toEqual([['内', '表'], ['1', '2']]);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function docx(body: string, numbering?: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) };
  if (numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  return zipSync(files);
}
const p = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${s}</w:t></w:r></w:p>`;
const tc = (s: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${s.split('/').map(p).join('')}</w:tc>`;

describe('readDocx(bytes)', () => {
  test('paragraphs are lines; gridSpan and vMerge become colspan and rowspan; deleted text is left out', () => {
    const doc = readDocx(docx([
      p('一、总体情况'),
      '<w:p><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:t>继续</w:t></w:r></w:p>',
      '<w:tbl>',
      `<w:tr>${tc('信息内容', '<w:vMerge w:val="restart"/>')}${tc('本年制发件数', '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('商业/企业')}${tc('其他')}</w:tr>`,
      `<w:tr>${tc('规章')}${tc('1')}${tc('')}</w:tr>`,
      '</w:tbl>',
    ].join('')));
    expect(doc.text.startsWith('一、总体情况\n正文继续\n')).toBe(true);
    expect(texts(doc)).toEqual([['信息内容', '本年制发件数', '本年制发件数'], ['信息内容', '商业企业', '其他'], ['规章', '1', '']]);
    expectOffsets(doc);
  });

  test('headings numbered by Word (numbering.xml) get their numbers: 一、 and （一） counted per list and level', () => {
    const numbering = '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>';
    const np = (s: string, ilvl: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>${s}</w:t></w:r></w:p>`;
    const doc = readDocx(docx([np('总体情况', 0), np('主动公开', 1), np('依申请公开', 1), np('主动公开政府信息情况', 0), np('规章', 1)].join(''), numbering));
    expect(doc.text).toBe('一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n（一）规章');
  });

  test('a legacy .doc and a damaged .docx are reported, with the command that converts them', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(512).fill(0)]);
    const legacy = await readDocument(ole, '2019年报.doc');
    expect(legacy.diagnostics[0]).toMatchObject({ code: 'needs_conversion', severity: 'error' });
    expect(legacy.diagnostics[0]!.message).toContain('soffice --headless --convert-to docx 2019年报.doc');
    const broken = docx(p('x')).slice(0, 200);
    expect((await readDocument(broken, 'a.docx')).diagnostics[0]!.code).toMatch(/not_a_document|docx_unreadable/);
  });
});

describe('readPdf(bytes, platform)', async () => {
  const platform = await pdfPlatformNode();
  const bytes = new Uint8Array(cjkReportPdf());

  test('Chinese text in a font that is not embedded is read through the CMaps; the ruled table is a grid', async () => {
    const doc = await readPdf(bytes, platform);
    expect(doc.text.split('\n').slice(0, 2)).toEqual(['某县人民政府2021年政府信息公开工作年度报告', '二、主动公开政府信息情况']);
    expect(texts(doc)).toEqual([['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '3', '0', '12'], ['行政规范性文件', '25', '4', '180']]);
    // the page number is a running line, not text
    expect(doc.text).not.toContain('- 1 -');
    expectOffsets(doc);
    const box = doc.boxes!.find((b) => doc.text.slice(b.start, b.end) === '180')!;
    expect(box).toMatchObject({ page: 1 });
    expect(box.x).toBeGreaterThan(450);
    expect(box.y).toBeGreaterThan(842 - 680);
  });

  test('without the CMaps there is no Chinese text (why cmaps/ ships with the build)', async () => {
    const bare = { ...platform, params: { ...platform.params, cMapUrl: undefined } };
    const doc = await readPdf(bytes, bare);
    expect(doc.text).not.toContain('政府信息公开');
  });

  test('a 500-page PDF is read up to the page cap (120) and says so', async () => {
    const doc = await readPdf(new Uint8Array(cjkReportPdf(500)), platform);
    expect(doc.pages).toHaveLength(120);
    expect(doc.diagnostics.find((d) => d.code === 'pdf_pages_capped')!.message).toBe('PDF of 500 pages: only the first 120 were read');
  });

  test('a damaged PDF gives a pdf_unreadable error, not an exception', async () => {
    const doc = await readDocument(bytes.slice(0, 100), 'x.pdf', { pdf: pdfPlatformNode });
    expect(doc.diagnostics[0]).toMatchObject({ code: 'pdf_unreadable', severity: 'error' });
  });
});

interface KeyCell { table_id: string; row_key: string; col_key: string; value: number | null; state: string }

describe.skipIf(!REAL_DEV)('the real development files', () => {
  const key = (name: string): KeyCell[] => JSON.parse(readFileSync(`${REAL_DEV}/keys/${name.replace(/\.\w+$/, '')}.json`, 'utf8')).cells;
  const misses = async (name: string) => {
    const parsed = await parseFile(new Uint8Array(readFileSync(realFile(name))), name);
    const got = new Map(parsed.cells.map((c) => [`${c.table_id}.${c.row_key}.${c.col_key}`, c]));
    const out = key(name).filter((k) => {
      const c = got.get(`${k.table_id}.${k.row_key}.${k.col_key}`);
      return !c || c.value !== k.value || (k.value === null) !== (c.state === 'blank' || c.state === 'na');
    });
    return { parsed, out: out.map((k) => `${k.table_id}.${k.row_key}.${k.col_key}`) };
  };

  test('001.pdf (WPS export, 6 pages, ruled tables cut by page breaks): every keyed number, tables as grids', async () => {
    const { parsed, out } = await misses('001.pdf');
    expect(out).toEqual([]);
    expect(parsed.report).toMatchObject({ source_kind: 'pdf', format: 'gov_2021', report_year: 2024 });
    // running page numbers (- 3 -) are gone; the label cut by the page break (（四）无 | 法提供) is whole
    expect(parsed.text).not.toMatch(/^- \d+ -$/m);
    expect(parsed.text).toContain('（四）无法提供 | 1.本机关不掌握相关政府信息 | 746');
    expect(parsed.layout!.pages).toHaveLength(6);
    expect(parsed.layout!.boxes.length).toBeGreaterThan(400);
  });

  test('014.html (saved page, rowspan/colspan tables, whole empty columns): every keyed number', async () => {
    const { parsed, out } = await misses('014.html');
    expect(out).toEqual([]);
    expect(parsed.report.source_kind).toBe('html');
  });

  test.each([['004.txt', 'gov_2019'], ['006.txt', 'gov_2021'], ['011.md', 'gov_2021'], ['015.txt', 'pre_2019']])('%s is read as text (%s)', async (name, format) => {
    const parsed = await parseFile(new Uint8Array(readFileSync(realFile(name))), name);
    expect(parsed.report).toMatchObject({ source_kind: 'text', format });
  });
});
