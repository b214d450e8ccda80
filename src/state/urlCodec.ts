// The view ⇄ query string, pure. Short values are written as they are (readable links);
// long ones are deflated and base64url-encoded behind a '~' marker.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export interface ViewState {
  panel?: string;
  lang?: 'zh' | 'en';
  sql?: string;
  /** UrlPart snapshots by key */
  parts: Record<string, unknown>;
}

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['panel', 'lang', 'sql']);
/** Values longer than this are tried compressed (kept only when shorter once URL-escaped). */
const COMPRESS_FROM = 120;
const MARK = '~';

/**
 * Past this many characters a link may not survive: some mail clients, chat apps and intranet
 * proxies cut or refuse URLs around 2–8 KB. The user is told and offered a view file instead.
 */
export const SAFE_URL_LENGTH = 4000;

export function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64url(s: string): Uint8Array {
  const b64 = s.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function packValue(text: string): string {
  if (text.length < COMPRESS_FROM && !text.startsWith(MARK)) return text;
  const packed = MARK + base64url(deflateSync(strToU8(text), { level: 9 }));
  return packed.length < encodeURIComponent(text).length || text.startsWith(MARK) ? packed : text;
}

/** The text of a packed value; null when a compressed value is damaged. */
export function unpackValue(value: string): string | null {
  if (!value.startsWith(MARK)) return value;
  try {
    return strFromU8(inflateSync(fromBase64url(value.slice(1))));
  } catch {
    return null;
  }
}

export function encodeView(view: ViewState): string {
  const p: [string, string][] = [];
  if (view.panel) p.push(['panel', view.panel]);
  if (view.lang === 'en') p.push(['lang', 'en']);
  if (view.sql) p.push(['sql', packValue(view.sql)]);
  for (const key of Object.keys(view.parts).sort()) {
    const v = view.parts[key];
    if (v === undefined || RESERVED_KEYS.has(key)) continue;
    p.push([key, packValue(JSON.stringify(v))]);
  }
  // encodeURIComponent, unlike URLSearchParams, leaves '~' (the compression mark) readable
  return p.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Never throws: unreadable values are left out, so a damaged link still opens. */
export function decodeView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const view: ViewState = { parts: {} };
  const panel = p.get('panel');
  if (panel) view.panel = panel;
  if (p.has('lang')) view.lang = p.get('lang') === 'en' ? 'en' : 'zh';
  const sql = p.get('sql');
  if (sql) {
    const text = unpackValue(sql);
    if (text !== null) view.sql = text;
  }
  for (const [key, raw] of p) {
    if (RESERVED_KEYS.has(key)) continue;
    const text = unpackValue(raw);
    if (text === null) continue;
    try {
      view.parts[key] = JSON.parse(text);
    } catch {
      // not JSON: someone else's parameter or a damaged one
    }
  }
  return view;
}

const VIEW_FILE_KIND = 'disclosure-workbench-view';

/** A view as a file, for links too long to share. */
export function viewFile(view: ViewState, now = new Date()): string {
  return JSON.stringify({ kind: VIEW_FILE_KIND, version: 1, saved: now.toISOString(), ...view }, null, 2) + '\n';
}

export class ViewFileError extends Error {
  override name = 'ViewFileError';
}

export function parseViewFile(text: string): ViewState {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (e) {
    throw new ViewFileError('not JSON', { cause: e });
  }
  if (!o || typeof o !== 'object' || (o as { kind?: unknown }).kind !== VIEW_FILE_KIND) throw new ViewFileError('not a view file');
  const f = o as Record<string, unknown>;
  const view: ViewState = { parts: {} };
  if (typeof f.panel === 'string') view.panel = f.panel;
  if (f.lang === 'en' || f.lang === 'zh') view.lang = f.lang;
  if (typeof f.sql === 'string') view.sql = f.sql;
  if (f.parts && typeof f.parts === 'object' && !Array.isArray(f.parts)) view.parts = { ...(f.parts as Record<string, unknown>) };
  return view;
}
