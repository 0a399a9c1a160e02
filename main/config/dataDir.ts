// Where ProofDeck keeps its database, backups and user decks. Every entry point (app, web, import:notes, bench)
// resolves it the same way: `--data-dir X` / `--data-dir=X` wins, then PROOFDECK_DATA_DIR, then the folder
// Electron's app.getPath('userData') gives for the app name ProofDeck, so browser mode and the app share data.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'ProofDeck';

export interface DataDirArgs {
  dataDir: string;
  /** argv with the --data-dir flag removed, for the caller's own parsing. */
  rest: string[];
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

/** Throws an Error with a usage message when `--data-dir` has no value. */
export function parseDataDirArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DataDirArgs {
  let flag: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error('--data-dir needs a folder: --data-dir <folder>');
      flag = value;
      i++;
    } else if (arg.startsWith('--data-dir=')) {
      flag = arg.slice('--data-dir='.length);
      if (!flag) throw new Error('--data-dir needs a folder: --data-dir=<folder>');
    } else {
      rest.push(arg);
    }
  }
  const chosen = flag ?? (env.PROOFDECK_DATA_DIR || null) ?? defaultDataDir(env);
  return { dataDir: resolve(chosen), rest };
}

export const userDeckDir = (dataDir: string): string => join(dataDir, 'decks');
export const databasePath = (dataDir: string): string => join(dataDir, 'proofdeck.sqlite');
export const backupDir = (dataDir: string): string => join(dataDir, 'backups');
