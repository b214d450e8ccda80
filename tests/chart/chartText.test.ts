import { describe, expect, it } from 'vitest';
import { EMPTY_SPEC, type ChartSpec } from '../../src/chart/chartSpec.ts';
import { channelTitles, chartErrorText, chartHeading, valueName } from '../../src/chart/chartText.ts';
import { I18n } from '../../src/i18n/i18n.svelte.ts';
import { ChartSpecError } from '../../src/chart/chartSpecError.ts';

const words = (lang: 'zh' | 'en') => ({ lang, labels: new Map([['new_received', { zh: '新收申请', en: 'New requests' }]]), t: new I18n(lang).t });
const spec = (s: Partial<ChartSpec>): ChartSpec => ({ ...EMPTY_SPEC, ...s });

describe('chart words', () => {
  it('titles the measure with its aggregate and the other channels by column, in each language', () => {
    const s = spec({ mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', color: 'row_key' });
    const zh = channelTitles(s, words('zh'));
    expect(zh.y).toMatch(/（合计）$/);
    expect(zh.x).not.toBe('organ');
    expect(chartHeading(s, zh, words('zh'))).toContain(zh.y!);
    expect(chartHeading(s, zh, words('zh'))).toMatch(new RegExp(` · ${zh.color}$`));
    expect(channelTitles(s, words('en')).y).not.toBe(zh.y);
    expect(chartHeading(null, {}, words('zh'))).toBe('');
  });

  it('names template keys and formats; leaves other values as they are', () => {
    expect(valueName('new_received', words('en'))).toBe('New requests');
    expect(valueName('gov_2021', words('zh'))).not.toBe('gov_2021');
    expect(valueName(2021, words('zh'))).toBe('2021');
    expect(valueName('湖北省', words('zh'))).toBe('湖北省');
  });

  it('explains a specification error in the UI\'s words, and shows DuckDB\'s own otherwise', () => {
    const e = chartErrorText(new ChartSpecError('not_numeric', 'organ'), spec({ aggregate: 'sum' }), words('zh'));
    expect(e).toContain('organ');
    expect(chartErrorText(new Error('Binder Error: x'), null, words('zh'))).toBe('Binder Error: x');
    expect(chartErrorText(null, null, words('zh'))).toBe('');
  });
});
