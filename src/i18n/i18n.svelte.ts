import { en } from './en.ts';
import { zh, type Dict, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';
const DICTS: Record<Lang, Dict> = { zh, en };

export class I18n {
  lang = $state<Lang>('zh');

  constructor(lang: Lang = 'zh') {
    this.lang = lang;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => {
    let s = DICTS[this.lang][key];
    if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };

  toggle(): void {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  }
}

export function langFromUrl(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}
