import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPlatform } from '../core/read/pdf/pdfPlatform.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js in Node reads its data files from paths (it fetches URLs only in a browser) */
const dir = (name: string) => `${join(pdfjsRoot, name)}/`;

let platform: Promise<PdfPlatform> | null = null;

/**
 * pdf.js for Node: the legacy build (the modern one needs browser APIs Node 20 lacks), its worker run in this
 * thread, CMaps and standard fonts read from the installed package. Loaded once, on the first PDF.
 */
export function pdfPlatformNode(): Promise<PdfPlatform> {
  platform ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.worker.mjs')).href;
    return {
      getDocument: (params) => pdfjs.getDocument(params as Parameters<typeof pdfjs.getDocument>[0]) as unknown as ReturnType<PdfPlatform['getDocument']>,
      OPS: pdfjs.OPS as unknown as Record<string, number>,
      params: {
        cMapUrl: dir('cmaps'), cMapPacked: true, standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs'),
        useSystemFonts: false, disableFontFace: true, worker: new pdfjs.PDFWorker({ verbosity: 0 }),
      },
    };
  })();
  return platform;
}
