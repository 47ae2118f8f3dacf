/**
 * UI strings of "bring your own data" (import, imported layers, the feature table, exports, PMTiles):
 * kept out of the first-paint bundle and registered with translate() when that code loads. Every key
 * must exist in both languages (the type makes a missing translation a compile error). Each part
 * keeps its keys under its own section comment.
 */
import { registerMessages } from './translate.ts';

const zh = {
  // ---- import
  'import.title': '导入数据',
  // ---- layers
  // ---- table
  // ---- export
  // ---- pmtiles
};

export type DataMessageKey = keyof typeof zh;

const en: Record<DataMessageKey, string> = {
  // ---- import
  'import.title': 'Import data',
  // ---- layers
  // ---- table
  // ---- export
  // ---- pmtiles
};

export const DATA_MESSAGES = { zh: zh as Record<DataMessageKey, string>, en } as const;

registerMessages(DATA_MESSAGES);
