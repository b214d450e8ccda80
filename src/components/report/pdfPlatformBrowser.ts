import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfPlatform } from '../../core/read/pdf/pdfPlatform.ts';

let platform: Promise<PdfPlatform & { pdfjs: typeof import('pdfjs-dist') }> | null = null;

/**
 * pdf.js in the browser, loaded on the first PDF (≈ 0.4 MB of script, the worker 1 MB): its module worker is a file
 * of this build (Vite `?url`, never a blob:), its CMaps, fonts and decoders come from ./pdfjs/ of the same origin.
 */
export function pdfPlatformBrowser() {
  platform ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    const base = new URL('pdfjs/', document.baseURI).href;
    return {
      pdfjs,
      getDocument: (params) => pdfjs.getDocument(params as Parameters<typeof pdfjs.getDocument>[0]) as unknown as ReturnType<PdfPlatform['getDocument']>,
      OPS: pdfjs.OPS as unknown as Record<string, number>,
      params: {
        cMapUrl: `${base}cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}standard_fonts/`, wasmUrl: `${base}wasm/`, iccUrl: `${base}iccs/`,
        // glyphs drawn as paths: no FontFace from data, nothing for the CSP's font-src to refuse
        isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      },
    } satisfies PdfPlatform & { pdfjs: typeof import('pdfjs-dist') };
  })();
  return platform;
}
