// The one atomic writer: the target gets the whole new content, the temp lives beside it under ProofDeck's own
// pattern, and a failed write leaves neither a temp file nor a changed target.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATOMIC_TEMP_PATTERN, copyFileAtomic, writeFileAtomic } from '../../../main/files/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'proofdeck-atomic-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  it('replaces the file with text or bytes and leaves nothing else in the folder', () => {
    const path = join(dir, 'deck.md');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]), { durable: true });
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['deck.md']);
  });

  it('writes several MB whole', () => {
    const path = join(dir, 'big.md');
    const text = 'x'.repeat(5_000_000);
    writeFileAtomic(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it.skipIf(isRoot)('a failed write changes nothing and leaves no temp file', () => {
    const path = join(dir, 'deck.md');
    writeFileSync(path, 'old');
    chmodSync(dir, 0o555);
    expect(() => writeFileAtomic(path, 'new')).toThrow(/EACCES/);
    chmodSync(dir, 0o755);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['deck.md']);
  });

  it('a failed rename (the target is a folder) removes its temp file', () => {
    mkdirSync(join(dir, 'taken'));
    expect(() => writeFileAtomic(join(dir, 'taken'), 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe('writeFileAtomic durability, as the kernel sees it', () => {
  // Only the system calls can show the order: without the fsync before the rename, a power cut after the rename
  // can leave the new name pointing at an empty or partial file (ext4's delayed allocation).
  it.skipIf(!hasStrace)('fsyncs the temp file before renaming it over the deck, then fsyncs the folder when durable', () => {
    const path = join(dir, 'deck.md');
    writeFileSync(path, 'old');
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(join(process.cwd(), 'main/files/atomicWrite.ts'))});
      writeFileAtomic(${JSON.stringify(path)}, 'x'.repeat(1_000_000), { durable: true });`;
    const traced = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat,fsync,fdatasync,rename,renameat,renameat2',
      process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(traced.status, traced.stderr).toBe(0);
    const calls = traced.stderr.split('\n').map((line) => line.replace(/^\[pid\s+\d+\]\s*/, ''));
    const renameAt = calls.findIndex((line) => /^rename(at2?)?\(.*proofdeck-[0-9a-f]{12}\.tmp".*deck\.md"/.test(line));
    expect(renameAt).toBeGreaterThan(0);
    const openTemp = calls.slice(0, renameAt).findLastIndex((line) => /^openat\(.*proofdeck-[0-9a-f]{12}\.tmp".*= \d+$/.test(line));
    const tempFd = /= (\d+)$/.exec(calls[openTemp])![1];
    expect(calls.slice(openTemp, renameAt).some((line) => line.startsWith(`fsync(${tempFd})`))).toBe(true);
    const openFolder = calls.slice(renameAt).findIndex((line) => line.startsWith('openat(') && line.includes(`"${dir}"`));
    const folderFd = /= (\d+)$/.exec(calls[renameAt + openFolder])![1];
    expect(calls.slice(renameAt + openFolder).some((line) => line.startsWith(`fsync(${folderFd})`))).toBe(true);
    expect(readFileSync(path, 'utf8')).toHaveLength(1_000_000);
  });
});

describe('copyFileAtomic', () => {
  it('copies, replacing by default and refusing with EEXIST when told not to overwrite', () => {
    writeFileSync(join(dir, 'a.png'), 'A');
    writeFileSync(join(dir, 'b.png'), 'B');
    copyFileAtomic(join(dir, 'a.png'), join(dir, 'c.png'));
    expect(readFileSync(join(dir, 'c.png'), 'utf8')).toBe('A');
    copyFileAtomic(join(dir, 'b.png'), join(dir, 'c.png'), { durable: true });
    expect(readFileSync(join(dir, 'c.png'), 'utf8')).toBe('B');
    expect(() => copyFileAtomic(join(dir, 'a.png'), join(dir, 'c.png'), { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'c.png'), 'utf8')).toBe('B');
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('a missing source leaves no temp file', () => {
    expect(() => copyFileAtomic(join(dir, 'missing.png'), join(dir, 'c.png'))).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('ATOMIC_TEMP_PATTERN', () => {
  it('matches the temp names the writers really make (seen by watching the folder), and no user file', async () => {
    const seen = new Set<string>();
    const watcher = watch(dir, (_event, name) => name && seen.add(String(name)));
    writeFileSync(join(dir, 'a.png'), 'A');
    writeFileAtomic(join(dir, 'deck.md'), 'text');
    copyFileAtomic(join(dir, 'a.png'), join(dir, `${'長'.repeat(80)}.png`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    watcher.close();
    const temps = [...seen].filter((name) => !['a.png', 'deck.md', `${'長'.repeat(80)}.png`].includes(name));
    expect(temps).toHaveLength(2);
    for (const name of temps) expect(name).toMatch(ATOMIC_TEMP_PATTERN);
    for (const name of ['deck.md', '.deck.md.tmp', 'deck.md.1234.tmp', '.deck.md.4321.a1b2c3d4.tmp', '.x.proofdeck-XYZ.tmp']) {
      expect(name).not.toMatch(ATOMIC_TEMP_PATTERN);
    }
  });
});
