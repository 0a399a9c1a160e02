import { en, type UiTable } from './en';
export const zhCN: UiTable = en;
