import * as base from './messages/base.ts';
import * as explore from './messages/explore.ts';
import * as chart from './messages/chart.ts';
import * as share from './messages/share.ts';
import * as protect from './messages/protect.ts';
import * as paging from './messages/paging.ts';
import * as hostile from './messages/hostile.ts';
import * as failures from './messages/failures.ts';

export const zh = {
  ...base.zh,
  ...explore.zh,
  ...chart.zh,
  ...share.zh,
  ...protect.zh,
  ...paging.zh,
  ...hostile.zh,
  ...failures.zh,
};

export type Dict = Record<keyof typeof zh, string>;
export type MessageKey = keyof typeof zh;
