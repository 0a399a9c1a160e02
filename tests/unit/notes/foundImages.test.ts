// Issue 13 "found images" on a real folder: the messy notes' other-machine image paths are found in images/,
// img/ and <stem>.assets/ beside them; only the truly absent one is missing; nothing outside the notes is taken.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotesImporter, readNotesFile, resolveNotesImage } from '../../../main/services/notesImport';
import { fixturePath } from './helpers';

let root: string;
let notesDir: string;
let deckDir: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'proofdeck-found-images-')));
  notesDir = join(root, 'notes');
  deckDir = join(root, 'decks');
  cpSync(fixturePath('messy'), notesDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const importer = () => createNotesImporter({ userDeckDir: deckDir, existingDecks: () => [] });

describe('images written as paths on another machine', () => {
  it('finds them beside the notes and copies them with the deck; only the absent one is missing', () => {
    const notes = importer();
    const chapter3 = notes.preview(readNotesFile(join(notesDir, 'ch3-经典网络.md')));
    expect(chapter3.missingImages).toEqual(['C:\\Users\\zhang\\Pictures\\receptive-field-demo.png']);
    expect(chapter3.copiedImages).toBe(3);
    const chapter10 = notes.preview(readNotesFile(join(notesDir, 'ch10-optimization.md')));
    expect(chapter10.missingImages).toEqual([]);
    expect(chapter10.copiedImages).toBe(2);

    notes.commit(chapter3.previewId);
    const assets = join(deckDir, `${chapter3.deckId}.assets`);
    expect(readFileSync(join(assets, 'lenet5.png'))).toEqual(readFileSync(join(notesDir, 'images', 'lenet5.png')));
    expect(readFileSync(join(assets, 'alexnet.png'))).toEqual(readFileSync(join(notesDir, 'img', 'alexnet.png')));
    expect(readFileSync(join(assets, 'vgg16.png'))).toEqual(readFileSync(join(notesDir, 'ch3-经典网络.assets', 'vgg16.png')));
  });

  it('uses <notes stem>.assets only for its own notes', () => {
    const src = '/Users/bob/Typora/ml-notes/adam-vs-sgd.png';
    expect(resolveNotesImage(src, notesDir, 'linux', 'ch10-optimization.md')).toBe(join(notesDir, 'ch10-optimization.assets', 'adam-vs-sgd.png'));
    expect(resolveNotesImage(src, notesDir, 'linux', 'ch3-经典网络.md')).toBeNull();
  });

  it('never follows a folder beside the notes that links outside them, and takes only images', () => {
    const outside = join(root, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'leak.png'), readFileSync(join(notesDir, 'images', 'lenet5.png')));
    symlinkSync(outside, join(notesDir, 'pics'));
    symlinkSync(join(outside, 'leak.png'), join(notesDir, 'images', 'linked.png'));
    writeFileSync(join(notesDir, 'images', 'id_rsa.txt'), 'secret');
    expect(resolveNotesImage('C:\\Users\\bob\\pics\\leak.png', notesDir, 'linux', 'x.md')).toBeNull();
    expect(resolveNotesImage('C:\\Users\\bob\\linked.png', notesDir, 'linux', 'x.md')).toBeNull();
    expect(resolveNotesImage('C:\\Users\\bob\\images\\id_rsa.txt', notesDir, 'linux', 'x.md')).toBeNull();
    // The exact path as written is still taken, as before: it is what the user pointed at on this machine.
    expect(resolveNotesImage(join(outside, 'leak.png'), notesDir, 'linux', 'x.md')).toBe(join(outside, 'leak.png'));
  });
});
