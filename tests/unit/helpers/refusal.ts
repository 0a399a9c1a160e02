// The message a refused call sends over either transport (the dispatcher's error payload), for assertions.
import type { Message } from '../../../main/contract/messages';
import { toErrorPayload } from '../../../main/ipc/dispatch';

export async function refusal(promise: Promise<unknown>): Promise<Message> {
  try {
    await promise;
  } catch (error) {
    return toErrorPayload(error);
  }
  throw new Error('expected a refusal');
}
