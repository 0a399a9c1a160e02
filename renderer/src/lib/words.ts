// How the renderer words a message from the main process ({ code, params }): through the contract's table, so a
// translation (a MessageTable beside the English one) changes every view at once.
import { formatMessage, type Message, type NestedMessage } from '../../../main/contract/messages';

export const words = (message: Message | NestedMessage): string => formatMessage(message);
