// Which note sections make real flashcards. A heading that means nothing on its own ("模型介绍" under LeNet,
// AlexNet and VGG) needs its parent in the question; a section that is not a question at all (a reference
// list, a TODO, the author's contact details under a chapter title) is left out unless the user includes it.
import { message, type Message } from '../../contract/messages';
import { questionTitle } from './headingText';
import type { NotesSection } from './outline';

/** Case, spaces, numbering, HTML tags and trailing punctuation do not make two headings different. */
export function headingKey(title: string): string {
  return questionTitle(title)
    .replace(/<[^>]*>/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[:：.。!！?？、,，;；…·\-—]+$/u, '');
}

const keys = (titles: readonly string[]): ReadonlySet<string> => new Set(titles.map(headingKey));

/**
 * Headings that say what kind of text follows, not what it is about: as questions they only make sense with
 * their parent ("LeNet · 模型介绍"). Collected from Chinese ML-interview books and English course notes.
 */
export const GENERIC_HEADINGS: ReadonlySet<string> = keys([
  '模型介绍', '模型结构', '网络结构', '模型特点', '模型特性', '设计思想', '核心思想', '主要思想', '基本思想', '简介', '概述',
  '介绍', '背景', '动机', '定义', '优缺点', '优点', '缺点', '特点', '原理', '算法原理', '算法流程', '流程', '步骤', '总结',
  '小结', '实现', '代码', '代码实现', '应用', '应用场景', '例子', '示例', '公式', '推导', '公式推导', '改进', '问题', '思考',
  'Model structure', 'Model architecture', 'Network structure', 'Introduction', 'Intro', 'Overview', 'Background',
  'Motivation', 'Definition', 'Summary', 'Conclusion', 'Pros and cons', 'Advantages', 'Disadvantages', 'Architecture',
  'Details', 'Implementation', 'Code', 'Algorithm', 'Derivation', 'Examples', 'Example', 'Key idea', 'Key ideas',
  'Applications', 'Intuition', 'Notes',
]);

/** Headings of reading lists: the body is citations and links, nothing to recall. */
export const REFERENCE_HEADINGS: ReadonlySet<string> = keys([
  '参考文献', '参考资料', '参考链接', '参考', '引用', '参考文章', '参考博客', '相关链接', '相关资料', '延伸阅读', '扩展阅读',
  '拓展阅读', '推荐阅读', 'References', 'Reference', 'Further reading', 'Bibliography', 'Citations', 'Sources',
  'See also', 'Related links', 'Links', 'Resources', 'Reading list', 'Acknowledgements', 'Acknowledgments', '致谢',
]);

/** Words a placeholder body is made of ("TODO", "待补充……", "TBD: add figure"). */
const PLACEHOLDER_LINE = /^(?:todo|tbd|tbc|wip|fixme|coming soon|to be (?:continued|done|added)|待补充|待完善|待更新|待整理|未完待续|待续|未完成|施工中|正在更新)(?:\b|(?=\P{L}))/iu;

/** A line of author or contact metadata: a label such as "作者：" or "Contact:", or only an e-mail / link. */
const METADATA_LABEL = /^(?:作者|编者|编辑|整理|校对|排版|联系方式|联系|邮箱|电子邮件|微信|公众号|知乎|博客|qq|author|authors|editor|edited by|maintainer|contact|email|e-mail|mail|wechat|github|blog|twitter|homepage)\s*[:：]/i;
const ONLY_LINKS = /^(?:(?:\[[^\]]*\]\([^)]*\)|<?(?:https?:\/\/|mailto:)\S+?>?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[\s,，;；|·/]*)+$/i;

/** A body line as read: list markers, quote marks, emphasis, entities and HTML tags dropped. */
function readableLine(line: string): string {
  return line
    .replace(/&[a-zA-Z]+;|&#\w+;/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/, '')
    .replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '')
    .trim();
}

function bodyLines(section: NotesSection): string[] {
  return section.body.map(readableLine).filter((line) => line !== '' && !/^[-*_=]{3,}$/.test(line));
}

const isPlaceholder = (lines: readonly string[]): boolean => lines.length > 0 && lines.every((line) => PLACEHOLDER_LINE.test(line));
const isMetadata = (lines: readonly string[]): boolean =>
  lines.length > 0 && lines.every((line) => METADATA_LABEL.test(line) || ONLY_LINKS.test(line));

/** Why this section is not a question, or null when it is one. */
export function notQuestionReason(section: NotesSection): Message | null {
  if (REFERENCE_HEADINGS.has(headingKey(section.heading.title))) return message('notes.skipReferences');
  const lines = bodyLines(section);
  if (isPlaceholder(lines)) return message('notes.skipPlaceholder');
  // Only a chapter title (or a top heading) counts: a leaf "代码" answered by a GitHub link is a real card.
  const chapterTitle = section.hasSubHeadings || section.parents.length === 0;
  if (chapterTitle && isMetadata(lines)) return message('notes.skipMetadata');
  return null;
}

/**
 * Stripped heading keys that occur more than once in the file under different parents: the parent tells such
 * headings apart. Repeats under one parent ("How does Adam?" twice in one chapter) gain nothing from it.
 */
export function repeatedHeadingKeys(sections: readonly NotesSection[]): ReadonlySet<string> {
  const parentsByKey = new Map<string, Set<string>>();
  for (const { heading, parents } of sections) {
    const key = headingKey(heading.title);
    const parent = parents.at(-1);
    const seen = parentsByKey.get(key) ?? new Set<string>();
    seen.add(parent ? headingKey(parent.title) : '');
    parentsByKey.set(key, seen);
  }
  return new Set([...parentsByKey].filter(([, parents]) => parents.size > 1).map(([key]) => key));
}

/**
 * The question text of a section (Markdown, before image and HTML rewriting): the stripped heading, with the
 * nearest parent's stripped title in front when the heading is generic or repeated in its file.
 */
/** The heading's question with and without its parent, whichever questionWithParent picks (for re-import identity). */
export function questionWordings(section: NotesSection): string[] {
  const own = questionTitle(section.heading.title);
  const parent = section.parents.at(-1);
  const parentText = parent ? questionTitle(parent.text.replace(/<[^>]*>/g, '')) : '';
  return parentText ? [own, `${parentText} · ${own}`] : [own];
}

export function questionWithParent(section: NotesSection, repeated: ReadonlySet<string>): string {
  const own = questionTitle(section.heading.title);
  const key = headingKey(section.heading.title);
  const parent = section.parents.at(-1);
  if (!parent || !(GENERIC_HEADINGS.has(key) || repeated.has(key))) return own;
  const parentText = questionTitle(parent.text.replace(/<[^>]*>/g, ''));
  return parentText ? `${parentText} · ${own}` : own;
}

/**
 * Questions still equal after the parent rule — a heading repeated under one parent ("How does Adam work?" twice
 * in one chapter), where neither the parent nor the grandparent tells them apart — get a counter: the first keeps
 * its question, the second reads "… (2)", the third "… (3)", in file order. `times` is how often the question occurs.
 */
export function numberRepeatedQuestions(questions: readonly string[]): { question: string; times: number }[] {
  const times = new Map<string, number>();
  for (const question of questions) times.set(headingKey(question), (times.get(headingKey(question)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return questions.map((question) => {
    const key = headingKey(question);
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return { question: nth === 1 ? question : `${question} (${nth})`, times: times.get(key)! };
  });
}

/** The highest counter among earlier questions ("X (3)" → 3; 1 when none): how far a counter may have moved. */
export function highestCounter(questions: readonly string[]): number {
  const counters = questions.map((question) => Number(/ \((\d{1,4})\)$/.exec(question)?.[1] ?? 1));
  return Math.max(1, ...counters);
}

/**
 * A question's wordings with every counter it can have had ("X", "X (2)"… up to `upTo`): the counter moves or goes
 * when an earlier repeat is added, moved away or removed, which is the importer's wording changing, not the user's.
 */
export function withCounters(wordings: readonly string[], upTo: number): string[] {
  const counted = wordings.flatMap((wording) => Array.from({ length: Math.max(0, upTo - 1) }, (_, index) => `${wording} (${index + 2})`));
  return [...wordings, ...counted];
}
