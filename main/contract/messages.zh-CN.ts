import { ENGLISH, type MessageTable } from './messages';
export const ZH_CN: MessageTable = ENGLISH as MessageTable;
