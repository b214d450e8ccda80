import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { Workbench, workbenchContext } from './state/workbench.svelte.ts';
import { afterPaint, markOnce } from './state/marks.ts';

const wb = new Workbench(new URL('data/', document.baseURI), location.search);
document.documentElement.lang = wb.i18n.lang === 'zh' ? 'zh-CN' : 'en';
// Reachable from the console and end-to-end tests (e.g. to register a test UrlPart).
(globalThis as { __workbench?: Workbench }).__workbench = wb;
mount(App, { target: document.getElementById('app')!, context: workbenchContext(wb) });
// Start DuckDB only once the shell is on screen: on small machines its 34 MB compile competes with the first paint.
afterPaint(() => {
  markOnce('wb:shell');
  void wb.start();
});
