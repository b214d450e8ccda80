import type { Dict } from './zh.ts';
import * as base from './messages/base.ts';
import * as chart from './messages/chart.ts';

export const en: Dict = {
  ...base.en,
  ...chart.en,
};
