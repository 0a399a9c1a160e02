// What the start-up failure dialog tells the user to do, beyond the error itself. Pure; tested under Node.
import { MAIN_WORDS, type MainWords } from './mainWords';

/** better-sqlite3's (and Node's) words for a native module built for another ABI or missing. */
const WRONG_NATIVE_MODULE = /NODE_MODULE_VERSION|did not self-register|better_sqlite3\.node|Could not locate the bindings file/;

/** The error's message, followed by what to do when we can tell it, in the given language (English by default). */
export function startFailureAdvice(detail: string, { isPackaged }: { isPackaged: boolean }, words: MainWords = MAIN_WORDS.en): string {
  if (!WRONG_NATIVE_MODULE.test(detail)) return detail;
  return `${detail}\n\n${isPackaged ? words.reinstall : words.wrongEngineInCheckout}`;
}
