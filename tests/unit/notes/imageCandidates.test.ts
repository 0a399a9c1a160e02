// Issue 13 "found images": where an absolute image path from another machine is looked for beside the notes.
import { describe, expect, it } from 'vitest';
import { fallbackImageCandidates, isAbsoluteImagePath } from '../../../main/core/notes/imageCandidates';

const folders = ['images', 'Img', 'ch3-经典网络.assets', 'drafts', 'ch03'];

describe('fallbackImageCandidates', () => {
  it('tries the file name beside the notes, then the image folders that exist, the path\'s own folder first', () => {
    expect(fallbackImageCandidates('H:/深度学习/DeepLearning-500-questions/ch03/alexnet.png', 'ch3-经典网络.md', folders)).toEqual([
      'alexnet.png',
      'ch03/alexnet.png',
      'ch3-经典网络.assets/alexnet.png',
      'images/alexnet.png',
      'Img/alexnet.png',
    ]);
  });

  it.each([
    ['C:\\Users\\zhang\\AppData\\Roaming\\Typora\\typora-user-images\\lenet5.png', 'lenet5.png'],
    ['file:///Users/bob/Documents/Typora/vgg%2016.png', 'vgg 16.png'],
    ['file://localhost/C:/notes/x.png', 'x.png'],
    ['/Users/bob/Typora/ml-notes/adam-vs-sgd.png', 'adam-vs-sgd.png'],
    ['\\\\nas\\share\\pics\\dropout.jpg', 'dropout.jpg'],
  ])('reads the file name of %s', (src, fileName) => {
    expect(fallbackImageCandidates(src, 'notes.md', [])).toEqual([fileName]);
  });

  it('leaves relative paths alone (they resolve as written or are missing)', () => {
    expect(isAbsoluteImagePath('images/x.png')).toBe(false);
    expect(fallbackImageCandidates('images/x.png', 'notes.md', folders)).toEqual([]);
    expect(fallbackImageCandidates('../other/x.png', 'notes.md', folders)).toEqual([]);
  });

  it('never proposes a name that climbs out of the notes folder, nor unrelated folders', () => {
    expect(fallbackImageCandidates('C:\\a\\..', 'notes.md', folders)).toEqual([]);
    expect(fallbackImageCandidates('file:///a/%2e%2e', 'notes.md', folders)).toEqual([]);
    expect(fallbackImageCandidates('/x/../../etc/passwd/..', 'notes.md', ['..'])).toEqual([]);
    expect(fallbackImageCandidates('/x/y.png', 'notes.md', folders).some((candidate) => candidate.startsWith('drafts'))).toBe(false);
  });
});
