// Human names for columns and values: the data contract's descriptions, the template's row/column labels.
import { TABLES } from '../core/schema.ts';
import type { Lang } from '../i18n/i18n.svelte.ts';

export type LabelMap = ReadonlyMap<string, { zh: string; en: string }>;

const short = (s: string): string => s.split(/（| \(/u)[0]!.trim();

const CONTRACT = new Map<string, { zh: string; en: string }>();
for (const t of TABLES) for (const c of t.columns) if (!CONTRACT.has(c.name)) CONTRACT.set(c.name, { zh: short(c.zh), en: short(c.en) });

/** `own` is a name the app's dictionaries give (report_metrics columns); then the contract, then template labels. */
export function columnTitle(name: string, lang: Lang, labels: LabelMap, own?: string): string {
  if (own) return own;
  const c = CONTRACT.get(name) ?? labels.get(name);
  return c ? c[lang] : name;
}
