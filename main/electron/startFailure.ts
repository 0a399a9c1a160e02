// What the start-up failure dialog tells the user to do, beyond the error itself. Pure; tested under Node.

/** better-sqlite3's (and Node's) words for a native module built for another ABI or missing. */
const WRONG_NATIVE_MODULE = /NODE_MODULE_VERSION|did not self-register|better_sqlite3\.node|Could not locate the bindings file/;

/** The error's message, followed by what to do when we can tell it. */
export function startFailureAdvice(detail: string, { isPackaged }: { isPackaged: boolean }): string {
  if (!WRONG_NATIVE_MODULE.test(detail)) return detail;
  const fix = isPackaged
    ? 'The database engine in this installation does not fit this version of ProofDeck. Reinstall ProofDeck.'
    : 'The database engine (better-sqlite3) is not built for Electron. Start the app with `npm start`, which fetches the Electron build into native/electron/, or use `npm run web` (browser mode, same data).';
  return `${detail}\n\n${fix}`;
}
