// Real SQLite files and real deck files in a temp folder, with a clock the test moves.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProofDeckApp, type ProofDeckApp } from '../../../main/services/app';
import type { Clock } from '../../../main/services/clock';

export class TestClock implements Clock {
  constructor(public epochMs = Date.UTC(2026, 10, 26, 12, 0, 0)) {}
  now = () => this.epochMs;
  /** Replaceable: a test may give a zone whose offset changes with the instant (DST). */
  utcOffsetMin: (epochMs: number) => number = () => 0;
  advanceDays(days: number) {
    this.epochMs += days * 86_400_000;
  }
  advanceMs(ms: number) {
    this.epochMs += ms;
  }
}

export function deckText(id: string, cards: { id?: string; q: string; a?: string; tags?: string[] }[], name = id): string {
  const body = cards
    .map((c) => {
      const attrs = [c.id ? `#${c.id}` : '', c.tags?.length ? `tags="${c.tags.join(' ')}"` : ''].filter(Boolean).join(' ');
      return `## ${c.q}${attrs ? ` {${attrs}}` : ''}\n\n${c.a ?? `Answer to ${c.q}`}\n`;
    })
    .join('\n');
  return `---\nid: ${id}\ndeck: ${name}\nversion: 1\n---\n\n${body}`;
}

export interface TempCollection {
  root: string;
  dataDir: string;
  builtInDir: string;
  userDir: string;
  clock: TestClock;
  app: ProofDeckApp;
  reopen(): ProofDeckApp;
  writeUserDeck(name: string, text: string): string;
  writeBuiltInDeck(name: string, text: string): string;
  dispose(): void;
}

export function tempCollection(setup: { builtIn?: Record<string, string>; user?: Record<string, string> } = {}): TempCollection {
  const root = mkdtempSync(join(tmpdir(), 'proofdeck-test-'));
  const dataDir = join(root, 'data');
  const builtInDir = join(root, 'builtin');
  const userDir = join(dataDir, 'decks');
  mkdirSync(builtInDir, { recursive: true });
  mkdirSync(userDir, { recursive: true });
  for (const [name, text] of Object.entries(setup.builtIn ?? {})) writeFileSync(join(builtInDir, name), text);
  for (const [name, text] of Object.entries(setup.user ?? {})) writeFileSync(join(userDir, name), text);
  const clock = new TestClock();
  const open = () => createProofDeckApp({ dataDir, builtInDeckDir: builtInDir, sandboxUrl: 'http://localhost:1/sandbox.html', clock });
  const collection: TempCollection = {
    root, dataDir, builtInDir, userDir, clock,
    app: open(),
    reopen() {
      collection.app.close();
      collection.app = open();
      return collection.app;
    },
    writeUserDeck(name, text) {
      const path = join(userDir, name);
      writeFileSync(path, text);
      return path;
    },
    writeBuiltInDeck(name, text) {
      const path = join(builtInDir, name);
      writeFileSync(path, text);
      return path;
    },
    dispose() {
      collection.app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return collection;
}
