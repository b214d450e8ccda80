import type { Dict } from './zh.ts';
import * as base from './messages/base.ts';
import * as share from './messages/share.ts';

export const en: Dict = {
  ...base.en,
  ...share.en,
};
