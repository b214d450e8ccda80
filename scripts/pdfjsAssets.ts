import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** What pdf.js fetches at run time: CMaps (Chinese text), standard fonts, image decoders (wasm), ICC profiles. */
const DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
/** Served and copied under this path of the app (dist/pdfjs/cmaps/…), next to index.html: same origin, no CDN. */
export const PDFJS_BASE = 'pdfjs';

const files = (root: string): string[] =>
  readdirSync(root).flatMap((name) => {
    const p = join(root, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

/**
 * pdf.js's data files from the installed pdfjs-dist, emitted into the build as they are (dist/pdfjs/…) and served by
 * the dev server, so the PDF reader loads them from the page's own origin.
 */
export function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const all = () => DIRS.flatMap((d) => files(join(root, d)).map((f) => ({ file: f, name: `${PDFJS_BASE}/${relative(root, f).split('\\').join('/')}` })));
  return {
    name: 'pdfjs-assets',
    generateBundle() {
      for (const { file, name } of all()) this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
    },
    configureServer(server) {
      const byUrl = new Map(all().map((a) => [`/${a.name}`, a.file]));
      server.middlewares.use((req, res, next) => {
        const file = byUrl.get((req.url ?? '').split('?')[0]!);
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}
