import { describe, expect, it } from 'vitest';
import { isUploadedNotesFile, uploadedParentDeck } from '../../../renderer/src/lib/notesBatch';

describe('batch upload of notes in the page', () => {
  it('takes notes files, not hidden files nor files in hidden or *.assets folders', () => {
    expect(isUploadedNotesFile('第二章.md', '面试笔记/第二章.md')).toBe(true);
    expect(isUploadedNotesFile('a.TXT', '')).toBe(true);
    expect(isUploadedNotesFile('x.png', '面试笔记/x.png')).toBe(false);
    expect(isUploadedNotesFile('.草稿.md', '面试笔记/.草稿.md')).toBe(false);
    expect(isUploadedNotesFile('n.md', '面试笔记/第二章.assets/n.md')).toBe(false);
    expect(isUploadedNotesFile('n.md', '面试笔记/.git/n.md')).toBe(false);
  });

  it('names the parent deck by the folders, or by what the user typed for loose files', () => {
    expect(uploadedParentDeck('面试笔记/第二章.md', 'ignored')).toBe('面试笔记');
    expect(uploadedParentDeck('面试笔记/附录/a.md', '')).toBe('面试笔记::附录');
    expect(uploadedParentDeck('a::b/c.md', '')).toBe('a b');
    expect(uploadedParentDeck('', ' 书 ')).toBe('书');
    expect(uploadedParentDeck('', '  ')).toBeUndefined();
  });
});
