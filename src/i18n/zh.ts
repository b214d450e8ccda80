import * as base from './messages/base.ts';

export const zh = {
  ...base.zh,
};

export type Dict = Record<keyof typeof zh, string>;
export type MessageKey = keyof typeof zh;
