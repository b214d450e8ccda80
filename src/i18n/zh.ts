import * as base from './messages/base.ts';
import * as explore from './messages/explore.ts';

export const zh = {
  ...base.zh,
  ...explore.zh,
};

export type Dict = Record<keyof typeof zh, string>;
export type MessageKey = keyof typeof zh;
