import type { Dict } from './zh.ts';
import * as base from './messages/base.ts';
import * as explore from './messages/explore.ts';
import * as chart from './messages/chart.ts';
import * as share from './messages/share.ts';
import * as protect from './messages/protect.ts';
import * as paging from './messages/paging.ts';
import * as hostile from './messages/hostile.ts';
import * as failures from './messages/failures.ts';

export const en: Dict = {
  ...base.en,
  ...explore.en,
  ...chart.en,
  ...share.en,
  ...protect.en,
  ...paging.en,
  ...hostile.en,
  ...failures.en,
};
