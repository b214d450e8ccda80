// Report text, file names and query results are rendered as text: no source file may turn a string into markup.
// Svelte's `{text}` and `textContent` escape; the sinks below do not. Observable Plot and CodeMirror build their
// DOM with createElement/textContent (checked in tests/security/chartLabels.test.ts and the e2e safety suite), and
// our own chart export serialises that DOM with XMLSerializer, which escapes text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = path.join(ROOT, 'src');

interface Sink {
  name: string;
  re: RegExp;
}

/** Ways of making markup or code out of a string. */
const SINKS: readonly Sink[] = [
  { name: '{@html}', re: /\{@html\b/ },
  { name: 'innerHTML/outerHTML assignment', re: /\.(?:inner|outer)HTML\s*(?:\+?=)(?!=)/ },
  { name: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', re: /\bdocument\s*\.\s*write(?:ln)?\s*\(/ },
  { name: 'createContextualFragment', re: /\bcreateContextualFragment\s*\(/ },
  { name: 'srcdoc', re: /\bsrcdoc\b/ },
  { name: 'DOMParser', re: /\bDOMParser\b/ },
  { name: 'eval', re: /(?<![.\w])eval\s*\(/ },
  { name: 'new Function', re: /\bnew\s+Function\s*\(/ },
  { name: 'string timer', re: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'javascript: URL', re: /['"`]\s*javascript:/i },
];

/**
 * Files allowed to use a sink, each with the reason. Empty today: keep it that way, and when an entry is
 * unavoidable, say why the string can never come from data. A stale entry (the sink is gone) fails too.
 */
const ALLOWED: readonly { file: string; sink: string; reason: string }[] = [];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(?:ts|js|mjs|svelte|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every (file, line, sink) where a sink occurs; `//` and `/* *\/` comments are skipped. */
function findSinks(files: readonly string[]): { file: string; line: number; sink: string; text: string }[] {
  const hits: { file: string; line: number; sink: string; text: string }[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      const code = text.replace(/^\s*(?:\/\/|\*|\/\*).*$/, '');
      for (const s of SINKS) if (s.re.test(code)) hits.push({ file: path.relative(ROOT, file), line: i + 1, sink: s.name, text: text.trim() });
    });
  }
  return hits;
}

describe('no HTML or code sinks in src/', () => {
  const files = [...sourceFiles(SRC), path.join(ROOT, 'index.html')];

  it('scans the whole source tree', () => {
    expect(files.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(50);
  });

  it('uses no sink outside the allow-list', () => {
    const allowed = (h: { file: string; sink: string }) => ALLOWED.some((a) => a.file === h.file && a.sink === h.sink);
    expect(findSinks(files).filter((h) => !allowed(h))).toEqual([]);
  });

  it('every allow-list entry has a reason and is still needed', () => {
    const hits = findSinks(files);
    for (const a of ALLOWED) {
      expect(a.reason.length, a.file).toBeGreaterThan(20);
      expect(hits.some((h) => h.file === a.file && h.sink === a.sink), `${a.file}: ${a.sink} no longer used`).toBe(true);
    }
  });

  it('the patterns catch what they are meant to', () => {
    const samples: Record<string, string> = {
      '{@html}': '<p>{@html report.text}</p>',
      'innerHTML/outerHTML assignment': 'el.innerHTML = title;',
      insertAdjacentHTML: "host.insertAdjacentHTML('beforeend', s)",
      'document.write': 'document.write(x)',
      createContextualFragment: 'range.createContextualFragment(s)',
      srcdoc: '<iframe srcdoc={x}></iframe>',
      DOMParser: 'new DOMParser().parseFromString(s, "text/html")',
      eval: 'eval(code)',
      'new Function': 'new Function("return " + s)',
      'string timer': "setTimeout('go()', 1)",
      'javascript: URL': `<a href="javascript:alert(1)">`,
    };
    for (const s of SINKS) {
      expect(s.re.test(samples[s.name]!), s.name).toBe(true);
    }
    // reading is fine; only writing markup is a sink
    expect(SINKS.some((s) => s.re.test('const n = el.innerHTML.length; if (el.outerHTML === x) {}'))).toBe(false);
    expect(SINKS.some((s) => s.re.test('node.textContent = title; wb.evaluate(x); retrieval(y)'))).toBe(false);
  });
});
