// Readable numbers on axes and in tips: 万 and 亿 in Chinese, k/M/B in English; shares as percentages.
import type { Lang } from '../i18n/i18n.svelte.ts';

const compact: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }),
};
const plain: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
};
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** Axis ticks: compact past ten thousand (12,345 → 1.2万), plain below. */
export function formatTick(n: unknown, lang: Lang): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  return Math.abs(n) >= 10_000 ? compact[lang].format(n) : plain[lang].format(n);
}

/** Tips: the exact number, grouped. */
export function formatExact(n: unknown, lang: Lang): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  return plain[lang].format(n);
}

export function formatPercent(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? percent.format(n) : String(n ?? '');
}

/** Columns holding a share of 1 (granted_share, review_correction_rate). */
export const isShareColumn = (name: string | null): boolean => name !== null && /(_share|_rate|占比|比例|率)$/i.test(name);
