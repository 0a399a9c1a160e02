// How the renderer words a message from the main process ({ code, params }): through the current UI language's
// MessageTable (the contract's ENGLISH, or zh-CN beside it), so switching the language re-words every view at once.
import { ENGLISH, formatMessage, type Message, type MessageTable, type NestedMessage } from '../../../main/contract/messages';
import { ZH_CN } from '../../../main/contract/messages.zh-CN';
import type { UiLanguage } from '../../../main/contract/api';
import { locale } from './i18n/locale.svelte';

const TABLES: Record<UiLanguage, MessageTable> = { en: ENGLISH as MessageTable, 'zh-CN': ZH_CN };

export const words = (message: Message | NestedMessage): string => formatMessage(message, TABLES[locale.current]);
