// The deck watcher (main/services/watch.ts) on real folders, saving the way editors save. Each change is awaited by
// what the re-sync callback read from disk (a positive signal, with a generous deadline), never by a fixed sleep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../main/files/atomicWrite';
import { watchDeckFolders } from '../../../main/services/watch';
import { canDropPrivileges, runUnprivileged } from '../helpers/unprivileged';

const DEADLINE_MS = 15_000;
let root: string;
let decks: string;
let stop: () => void = () => {};
/** Every deck file's text as the last re-sync read it (path relative to the deck folder). */
let seen: Map<string, string>;
let syncs: number;

function readAll(dir: string, prefix = ''): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readAll(path, `${prefix}${entry.name}/`);
    else if (entry.name.endsWith('.md')) seen.set(`${prefix}${entry.name}`, readFileSync(path, 'utf8'));
  }
}

function startWatching(): void {
  stop = watchDeckFolders([decks], () => {
    syncs++;
    seen = new Map();
    readAll(decks);
  }, 100);
}

async function waitUntilSeen(file: string, text: string): Promise<void> {
  const started = Date.now();
  while (seen.get(file) !== text) {
    if (Date.now() - started > DEADLINE_MS) {
      throw new Error(`the watcher did not report ${file} within ${DEADLINE_MS} ms: it last saw ${JSON.stringify(seen.get(file))}, expected ${JSON.stringify(text)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How vim (backupcopy=no) saves: the old file renamed to a backup, the new text written, the backup removed. */
function vimSave(path: string, text: string): void {
  renameSync(path, `${path}~`);
  writeFileSync(path, text);
  rmSync(`${path}~`);
}

/** How VS Code and JetBrains editors save: a temp beside the file, renamed over it. */
function editorSave(path: string, text: string): void {
  writeFileSync(`${path}___jb_tmp___`, text);
  renameSync(`${path}___jb_tmp___`, path);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'proofdeck-watch-'));
  decks = join(root, 'decks');
  mkdirSync(decks);
  writeFileSync(join(decks, 'attention.md'), '## What does attention compute? {#att}\n\nA weighted sum of values.\n');
  seen = new Map();
  syncs = 0;
});

afterEach(() => {
  stop();
  rmSync(root, { recursive: true, force: true });
});

describe('outside edits are always seen', () => {
  it('five successive atomic replaces of the same file, then five appends, are each picked up', async () => {
    startWatching();
    const path = join(decks, 'attention.md');
    const saves = [writeFileAtomic, editorSave, vimSave, writeFileAtomic, editorSave];
    for (const [i, save] of saves.entries()) {
      const text = `## What does attention compute? {#att}\n\nReplace ${i + 1}: softmax(QKᵀ/√d)·V.\n`;
      save(path, text);
      await waitUntilSeen('attention.md', text);
    }
    for (let i = 1; i <= 5; i++) {
      appendFileSync(path, `\nAppend ${i}.\n`);
      await waitUntilSeen('attention.md', readFileSync(path, 'utf8'));
    }
  });

  it('a deck folder deleted and created again is followed', async () => {
    startWatching();
    rmSync(decks, { recursive: true });
    await expect.poll(() => seen.has('attention.md') || syncs === 0, { timeout: DEADLINE_MS }).toBe(false);
    mkdirSync(decks);
    const text = '## Why scale by √d? {#scale}\n\nTo keep the softmax out of saturation.\n';
    writeFileAtomic(join(decks, 'scaling.md'), text);
    await waitUntilSeen('scaling.md', text);
    // And the new folder is watched like the old one: a second replace is seen too.
    writeFileAtomic(join(decks, 'scaling.md'), `${text}\nSecond save.\n`);
    await waitUntilSeen('scaling.md', `${text}\nSecond save.\n`);
  });

  it('a deck file in a new subfolder is picked up, and so are its later replaces', async () => {
    startWatching();
    mkdirSync(join(decks, 'chapter 2'));
    const text = '## What is layer norm? {#ln}\n\nNormalization over features.\n';
    writeFileSync(join(decks, 'chapter 2', 'norms.md'), text);
    await waitUntilSeen('chapter 2/norms.md', text);
    for (let i = 1; i <= 3; i++) {
      writeFileAtomic(join(decks, 'chapter 2', 'norms.md'), `${text}\nEdit ${i}.\n`);
      await waitUntilSeen('chapter 2/norms.md', `${text}\nEdit ${i}.\n`);
    }
    rmSync(join(decks, 'chapter 2'), { recursive: true });
    await expect.poll(() => seen.has('chapter 2/norms.md'), { timeout: DEADLINE_MS }).toBe(false);
  });

  it('a deck folder that does not exist yet is picked up when it appears, parents and all', async () => {
    decks = join(root, 'later', 'decks');
    startWatching();
    mkdirSync(decks, { recursive: true });
    const text = '## What is dropout? {#drop}\n\nRandomly zeroing activations in training.\n';
    writeFileAtomic(join(decks, 'dropout.md'), text);
    await waitUntilSeen('dropout.md', text);
  });

  it('a deck folder that could not be watched (EACCES) is re-armed, and every later save there is seen', (ctx) => {
    if (!canDropPrivileges()) ctx.skip();
    const { stderr, result } = runUnprivileged('tests/unit/services/watchRearmProbe.ts');
    expect(stderr).toBe('');
    expect(result).toEqual({ uid: expect.any(Number), lockedWatch: 'EACCES', savesPickedUp: 3 });
    expect(result.uid).not.toBe(0);
  });
});
