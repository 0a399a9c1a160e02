// The start-up dialog's advice: a wrong database engine is the failure a desktop start is most likely to meet.
import { describe, expect, it } from 'vitest';
import { startFailureAdvice } from '../../../main/electron/startFailure';

// better-sqlite3's real message when Electron loads the Node build (Electron 45 requires ABI 150; Node 20 is 115).
const abiError = "The module '/home/ana/proofdeck/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).";

describe('startFailureAdvice', () => {
  it('from a checkout, points to npm start (which fetches the Electron build) and to browser mode', () => {
    const advice = startFailureAdvice(abiError, { isPackaged: false });
    expect(advice.startsWith(abiError)).toBe(true);
    expect(advice).toMatch(/`npm start`, which fetches the Electron build into native\/electron\/, or use `npm run web`/);
  });

  it('in an installed package, says to reinstall', () => {
    expect(startFailureAdvice(abiError, { isPackaged: true })).toMatch(/Reinstall ProofDeck\.$/);
  });

  it('leaves other failures as they are (their own message says what is wrong)', () => {
    const refusal = "The data folder '/media/usb/ProofDeck' is read-only.";
    expect(startFailureAdvice(refusal, { isPackaged: false })).toBe(refusal);
  });
});
