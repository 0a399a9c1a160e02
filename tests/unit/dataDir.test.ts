import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseDataDirArgs } from '../../main/config/dataDir';

describe('--data-dir', () => {
  it('takes --data-dir X and --data-dir=X, and the flag wins over PROOFDECK_DATA_DIR', () => {
    const env = { PROOFDECK_DATA_DIR: '/from/env' };
    expect(parseDataDirArgs(['--data-dir', '/a', 'x'], env)).toEqual({ dataDir: '/a', rest: ['x'] });
    expect(parseDataDirArgs(['--data-dir=/b'], env).dataDir).toBe('/b');
    expect(parseDataDirArgs(['y'], env)).toEqual({ dataDir: '/from/env', rest: ['y'] });
  });

  it('defaults to Electron\'s userData folder for ProofDeck', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/ProofDeck');
    expect(parseDataDirArgs([], { XDG_CONFIG_HOME: '/xdg' }).dataDir).toBe(process.platform === 'linux' ? '/xdg/ProofDeck' : defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }));
  });

  it('refuses a flag without a folder', () => {
    expect(() => parseDataDirArgs(['--data-dir'])).toThrow(/needs a folder/);
    expect(() => parseDataDirArgs(['--data-dir', '--port'])).toThrow(/needs a folder/);
    expect(() => parseDataDirArgs(['--data-dir='])).toThrow(/needs a folder/);
  });
});
