// What the main process words itself, in English and Simplified Chinese: the file dialogs, the typed-path and
// external-link confirmations, and the start-up failure advice (shown before any window, or with none). Typed so
// that a key missing in one language is a compile error. The language is the saved UI setting when it can be read,
// else the OS locale (app.getLocale()). Pure, no Electron import: Node tests run it. The command-line tools stay
// English (they use the contract's ENGLISH table).
import type { PickPathPurpose, UiLanguage, UiLanguageSetting } from '../contract/api';
import { ENGLISH, type MessageTable } from '../contract/messages';
import { ZH_CN } from '../contract/messages.zh-CN';

export interface PathDialogWords {
  title: string;
  buttonLabel: string;
  /** The file-type filter's name, where the dialog picks files. */
  filter?: string;
  /** The confirmation of a typed path: the question, what confirming lets ProofDeck do, and its button. */
  question: string;
  effect: string;
  button: string;
}

export interface MainWords {
  cancel: string;
  openLink: string;
  openLinkQuestion: string;
  /** A typed path that is a symlink: where it really leads. */
  leadsTo: (resolved: string) => string;
  paths: Record<PickPathPurpose, PathDialogWords>;
  /** The start-up failure's advice when the database engine does not fit Electron. */
  reinstall: string;
  wrongEngineInCheckout: string;
  /** The message table for the codes the main process shows in its own dialogs (app.startFailed…). */
  messages: MessageTable;
}

const NOTES_FILE_EN: PathDialogWords = {
  title: 'Import notes', buttonLabel: 'Preview', filter: 'Notes (Markdown, Typora)',
  question: 'Import these notes?', effect: 'ProofDeck will read the notes file and the images beside it:', button: 'Preview',
};
const NOTES_FILE_ZH: PathDialogWords = {
  title: '导入笔记', buttonLabel: '预览', filter: '笔记（Markdown、Typora）',
  question: '导入这些笔记？', effect: 'ProofDeck 将读取这个笔记文件及其旁边的图片：', button: '预览',
};

export const MAIN_WORDS: Record<UiLanguage, MainWords> = {
  en: {
    cancel: 'Cancel',
    openLink: 'Open',
    openLinkQuestion: 'Open this link outside ProofDeck?',
    leadsTo: (resolved) => `(This path leads to ${resolved}.)`,
    paths: {
      'deck-folder': { title: 'Add a folder of deck files', buttonLabel: 'Add folder', question: 'Add this folder of deck files?', effect: 'ProofDeck will read, watch and edit the deck files (*.md) and their images in', button: 'Add folder' },
      'export-folder': { title: 'Export the deck into a folder', buttonLabel: 'Export here', question: 'Export the deck into this folder?', effect: 'ProofDeck will write the deck file and its images into', button: 'Export here' },
      'import-folder': { title: 'Import a folder of deck files', buttonLabel: 'Import', question: 'Import the deck files of this folder?', effect: 'ProofDeck will read the deck files and the images they use in', button: 'Import' },
      'deck-file': { title: 'Import a deck file', buttonLabel: 'Import', filter: 'Deck files (Markdown)', question: 'Import this deck file?', effect: 'ProofDeck will read', button: 'Import' },
      'notes-file': NOTES_FILE_EN,
      'notes-folder': { title: 'Import a folder of notes', buttonLabel: 'Preview', question: 'Import this folder of notes?', effect: 'ProofDeck will read the notes files (.md, .markdown, .txt) and their images in', button: 'Preview' },
      'notes-files': { ...NOTES_FILE_EN, title: 'Import notes files' },
    },
    reinstall: 'The database engine in this installation does not fit this version of ProofDeck. Reinstall ProofDeck.',
    wrongEngineInCheckout:
      'The database engine (better-sqlite3) is not built for Electron. Start the app with `npm start`, which fetches the Electron build into native/electron/, or use `npm run web` (browser mode, same data).',
    messages: ENGLISH as MessageTable,
  },
  'zh-CN': {
    cancel: '取消',
    openLink: '打开',
    openLinkQuestion: '在 ProofDeck 之外打开这个链接？',
    leadsTo: (resolved) => `（这个路径实际指向 ${resolved}。）`,
    paths: {
      'deck-folder': { title: '添加牌组文件夹', buttonLabel: '添加文件夹', question: '添加这个牌组文件夹？', effect: 'ProofDeck 将读取、监视并编辑其中的牌组文件（*.md）及其图片：', button: '添加文件夹' },
      'export-folder': { title: '把牌组导出到文件夹', buttonLabel: '导出到这里', question: '把牌组导出到这个文件夹？', effect: 'ProofDeck 将把牌组文件及其图片写入：', button: '导出到这里' },
      'import-folder': { title: '导入牌组文件夹', buttonLabel: '导入', question: '导入这个文件夹中的牌组文件？', effect: 'ProofDeck 将读取其中的牌组文件及其使用的图片：', button: '导入' },
      'deck-file': { title: '导入牌组文件', buttonLabel: '导入', filter: '牌组文件（Markdown）', question: '导入这个牌组文件？', effect: 'ProofDeck 将读取：', button: '导入' },
      'notes-file': NOTES_FILE_ZH,
      'notes-folder': { title: '导入笔记文件夹', buttonLabel: '预览', question: '导入这个笔记文件夹？', effect: 'ProofDeck 将读取其中的笔记文件（.md、.markdown、.txt）及其图片：', button: '预览' },
      'notes-files': { ...NOTES_FILE_ZH, title: '导入多个笔记文件' },
    },
    reinstall: '此安装中的数据库引擎与这个版本的 ProofDeck 不匹配。请重新安装 ProofDeck。',
    wrongEngineInCheckout:
      '数据库引擎（better-sqlite3）不是为 Electron 构建的。请用 `npm start` 启动应用（它会把 Electron 版本下载到 native/electron/），或使用 `npm run web`（浏览器模式，数据相同）。',
    messages: ZH_CN,
  },
};

/** The main process's language: the saved setting unless it is `system` (or unread), then the OS locale's. */
export function mainLanguage(setting: UiLanguageSetting | null, osLocale: string): UiLanguage {
  if (setting && setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
