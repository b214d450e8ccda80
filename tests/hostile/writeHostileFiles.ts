// A folder of hostile input files for build:data, generated from seeds/ at run time (nothing binary is committed).
// Run: npx tsx tests/hostile/writeHostileFiles.ts <dir>
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SEED_001 = '001_22f736282f07edbf.txt';
export const SEED_002 = '002_a18ae6a6a2b432c9.txt';
export const SEED_003 = '003_312ad407f2934fb3.txt';

/** Set by every payload of the script page; the end-to-end test asserts it stays undefined. */
export const PWNED = '__pwned';

export interface HostileFile {
  name: string;
  /** the diagnostic that says what happened to this file */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** becomes a report (status ok/partial) */
  built: boolean;
  /** the seed whose cells the report must reproduce */
  seed?: string;
  /** what the file is, for test names */
  what: string;
}

export const HOSTILE_FILES = {
  empty: { name: 'empty.txt', code: 'empty_file', severity: 'warning', built: false, what: 'empty file' },
  png: { name: 'scan-page.png', code: 'binary', severity: 'warning', built: false, what: 'PNG image' },
  docx: { name: '年度报告.docx', code: 'binary', severity: 'warning', built: false, what: 'ZIP (Word) bytes' },
  scanPdf: { name: 'scan-only.pdf', code: 'no_text_layer', severity: 'warning', built: false, what: 'PDF of page images only' },
  // read by the PDF reader (pdf_read), built, and said to be no disclosure report (its one line is English)
  textPdf: { name: 'text-layer.pdf', code: 'not_a_report', severity: 'warning', built: true, what: 'PDF with a text layer (not a report)' },
  brokenPdf: { name: 'damaged.pdf', code: 'pdf_unreadable', severity: 'error', built: false, what: 'damaged PDF (cut after its header)' },
  legacyDoc: { name: '年度报告(旧版).doc', code: 'needs_conversion', severity: 'warning', built: false, what: 'legacy Word .doc (OLE)' },
  gb18030: { name: 'gb18030-硚口区2021.txt', code: 'encoding', severity: 'info', built: true, seed: SEED_003, what: 'GB18030 text' },
  utf16: { name: '华容区 行政审批局 2020 年度报告 (UTF-16).txt', code: 'encoding', severity: 'info', built: true, seed: SEED_001, what: 'UTF-16LE with BOM, name with spaces and Chinese' },
  html: { name: 'report-with-script.html', code: 'html_stripped', severity: 'info', built: true, seed: SEED_003, what: 'HTML page with scripts, styles and handlers' },
  nav: { name: 'navigation-only.html', code: 'navigation_only', severity: 'warning', built: false, what: 'site navigation only' },
  large: { name: 'large-20MB.txt', code: 'large_file', severity: 'warning', built: true, seed: SEED_003, what: '20 MiB file' },
  nul: { name: 'nul-bytes.txt', code: 'nul_bytes', severity: 'info', built: true, seed: SEED_002, what: 'NUL bytes inside a report' },
  // names sort '<' before 'd': the file with markup in its name is the kept copy, and a report
  dupA: { name: `<img src=x onerror="window.${PWNED}='name'"> 副本 "copy" & 'dup'.txt`, code: 'file_name', severity: 'info', built: true, seed: SEED_002, what: 'first of two copies, name with markup (no slash: not allowed in names)' },
  dupB: { name: 'duplicate-copy.txt', code: 'duplicate', severity: 'warning', built: false, what: 'second copy of the same bytes' },
} as const satisfies Record<string, HostileFile>;

export const LARGE_FILE_BYTES = 20 * 1024 * 1024;

const seed = (name: string) => readFile(path.join(SEEDS, name), 'utf8');

/** Writes every file of HOSTILE_FILES into `dir` (created if needed); returns the list. */
export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  await mkdir(dir, { recursive: true });
  const [s1, s2, s3] = await Promise.all([seed(SEED_001), seed(SEED_002), seed(SEED_003)]);
  const F = HOSTILE_FILES;
  const write = (f: HostileFile, data: string | Uint8Array) => writeFile(path.join(dir, f.name), data);
  await write(F.empty, '');
  await write(F.png, png(4, 4));
  await write(F.docx, zipLike('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>'));
  await write(F.scanPdf, imageOnlyPdf());
  await write(F.textPdf, textPdf());
  await write(F.brokenPdf, Buffer.concat([textPdf().subarray(0, 120), Buffer.alloc(64, 0x20)]));
  await write(F.legacyDoc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]));
  await write(F.gb18030, encodeGb18030(s3));
  await write(F.utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s1, 'utf16le')]));
  await write(F.html, reportPage(s3));
  await write(F.nav, navigationPage());
  await write(F.large, largeFile(s3, LARGE_FILE_BYTES));
  await write(F.nul, withNulBytes(s2));
  // CRLF line endings: the same report as seed 002 in other bytes, so it is no duplicate of the seed itself
  const crlf = s2.replace(/\n/g, '\r\n');
  await write(F.dupA, crlf);
  await write(F.dupB, crlf);
  return Object.values(F);
}

// ---- text encodings -------------------------------------------------------------------------------------------

let gbTable: Map<string, number[]> | null = null;

/** GB18030 encoder built from the platform's decoder (Node has no GB18030 encoder): every 2-byte code, then 4-byte. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    for (let a = 0x81; a <= 0x84; a++)
      for (let b = 0x30; b <= 0x39; b++)
        for (let c = 0x81; c <= 0xfe; c++)
          for (let d = 0x30; d <= 0x39; d++) {
            const ch = dec.decode(new Uint8Array([a, b, c, d]));
            if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b, c, d]);
          }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no GB18030 bytes for U+${code.toString(16)}`);
      out.push(...bytes);
    }
  }
  const encoded = new Uint8Array(out);
  if (new TextDecoder('gb18030').decode(encoded) !== text) throw new Error('GB18030 round trip failed');
  return encoded;
}

// ---- text transformations ----------------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Written inside the report's own text: characters a careless viewer would turn into elements. */
export const SCRIPT_IN_TEXT = `<script>window.${PWNED}='text-script'</script>`;
export const IMG_IN_TEXT = `<img src=x onerror="window.${PWNED}='text-img'">`;
export const PAYLOAD_SENTENCE = `（网页编辑器残留代码：${SCRIPT_IN_TEXT} 与 ${IMG_IN_TEXT}，原样作为文字保留。）`;

/**
 * Seed 003 as a scraped page: a <style> and <script>s in head and body, inline event handlers, a menu, and in
 * the report text (escaped, as a page shows it) a <script> and an <img onerror>.
 */
function reportPage(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === '一、总体情况');
  if (at < 0) throw new Error('seed 003 changed: 一、总体情况 not found');
  lines.splice(at + 1, 0, PAYLOAD_SENTENCE);
  const body = lines.map((l) => (l.trim() ? `<p>${escapeHtml(l)}</p>` : '<p>&nbsp;</p>')).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开年报 - 硚口区人民政府</title>
<style>body{font-family:SimSun} .nav{color:red}</style>
<script>window.${PWNED}='head-script';</script>
<script src="https://evil.example/track.js"></script>
</head>
<body onload="window.${PWNED}='onload'">
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/lxwm/" onclick="window.${PWNED}='click'">联系我们</a></div>
<div class="content">
${body}
</div>
<img src="https://evil.example/pixel.gif" onerror="window.${PWNED}='img'" onload="window.${PWNED}='img'">
<script type="text/javascript">document.write('<iframe src=https://evil.example/></iframe>'); window.${PWNED}='body-script';</script>
<div class="footer">版权所有：武汉市硚口区人民政府 &copy; 2022 鄂ICP备05003333号</div>
</body></html>
`;
}

function navigationPage(): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府信息公开年报</title><script>var _hmt = _hmt || [];</script></head>
<body>
<div class="top">网站首页 | 政务公开 | 政务服务 | 互动交流 | 走进硚口 | 联系我们 | 网站地图 | 无障碍 | 长者模式</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/lxwm/">联系我们</a></li></ul>
<div class="tools">【打印】 【关闭】 扫一扫在手机上查看当前页面</div>
<div class="footer">版权所有：武汉市硚口区人民政府 主办：硚口区人民政府办公室 承办：硚口区政务服务和大数据管理局<br>
网站标识码：4201040001 鄂ICP备05003333号 鄂公网安备42010402000123号</div>
</body></html>
`;
}

/** The report, then a long appendix of base64 (an attachment pasted into the page) up to `bytes`. */
function largeFile(text: string, bytes: number): Uint8Array {
  const head = Buffer.from(`${text}\n附件（扫描件，base64 编码）：\n`, 'utf8');
  const line = Buffer.from(`${Buffer.from(Array.from({ length: 57 }, (_, i) => (i * 37 + 11) & 0xff)).toString('base64')}\n`, 'utf8');
  const out = Buffer.alloc(bytes, 0x41);
  head.copy(out, 0);
  for (let at = head.length; at < bytes; at += line.length) line.copy(out, at, 0, Math.min(line.length, bytes - at));
  out[bytes - 1] = 0x0a;
  return out;
}

/** NUL bytes where a broken export leaves them: at the ends of some lines and a run of eight in the prose. */
function withNulBytes(text: string): Uint8Array {
  const lines = text.split('\n').map((l, i) => (i % 25 === 3 ? `${l}\0` : l));
  lines[1] = `${lines[1]!.slice(0, 10)}\0\0\0\0\0\0\0\0${lines[1]!.slice(10)}`;
  return Buffer.from(lines.join('\n'), 'utf8');
}

// ---- binary files ------------------------------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid grey PNG of w×h pixels. */
function png(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a ZIP file as a .docx has it: a local file header, then deflated XML. */
function zipLike(entry: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content, 'utf8'));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(Buffer.byteLength(content), 22);
  header.writeUInt16LE(Buffer.byteLength(entry), 26);
  return Buffer.concat([header, Buffer.from(entry, 'utf8'), data]);
}

/** A PDF from its objects (dictionaries, or [dictionary, stream bytes]) with a correct cross-reference table. */
function pdf(objects: (string | [string, Buffer])[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const body = typeof o === 'string'
      ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
      : Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${o[0].replace('%LEN%', String(o[1].length))}\nstream\n`, 'latin1'), o[1], Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(body);
    at += body.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Two pages, each one scanned image and nothing else: what a printed-and-scanned report looks like. */
function imageOnlyPdf(): Buffer {
  const image = deflateSync(Buffer.alloc(16 * 16, 0xc0));
  const draw = deflateSync(Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q', 'latin1'));
  const page = (contents: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents ${contents} 0 R >>`;
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    page(6),
    page(6),
    ['<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %LEN% >>', image],
    ['<< /Filter /FlateDecode /Length %LEN% >>', draw],
  ]);
}

/** One page of text drawn with a font, in a compressed content stream. */
function textPdf(): Buffer {
  const draw = deflateSync(Buffer.from('BT /F1 14 Tf 72 770 Td (2021 Government Information Disclosure Annual Report) Tj ET', 'latin1'));
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ['<< /Filter /FlateDecode /Length %LEN% >>', draw],
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx tests/hostile/writeHostileFiles.ts <dir>\n');
    process.exitCode = 2;
  } else {
    for (const f of await writeHostileFiles(dir)) process.stdout.write(`${f.code.padEnd(16)} ${f.name}\n`);
  }
}
