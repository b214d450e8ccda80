import { DARK_THEME, LIGHT_THEME, type ChartTheme } from '../../chart/renderChart.ts';

/** The app's colours (app.css custom properties), so charts match the page in light and dark mode. */
export function chartThemeFromCss(dark: boolean): ChartTheme {
  const base = dark ? DARK_THEME : LIGHT_THEME;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { ...base, fg: v('--fg', base.fg), bg: v('--panel', base.bg), font: v('--sans', base.font) };
}
