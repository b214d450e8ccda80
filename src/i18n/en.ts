import type { Dict } from './zh.ts';
import * as base from './messages/base.ts';

export const en: Dict = {
  ...base.en,
};
