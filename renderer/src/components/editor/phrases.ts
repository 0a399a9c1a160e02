// CodeMirror's own UI words (search panel, go-to-line, folding, completion and lint labels) in the UI language:
// CodeMirror looks each English phrase up in EditorState.phrases; English needs no table.
import type { UiLanguage } from '../../../../main/contract/api';

const ZH_CN_PHRASES: Record<string, string> = {
  Find: '查找',
  Replace: '替换',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '全字匹配',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'on line': '位于行',
  'replaced $ matches': '已替换 $ 处',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'Go to line': '跳转到行',
  go: '跳转',
  to: '至',
  'folded code': '已折叠的代码',
  unfold: '展开',
  'Fold line': '折叠此行',
  'Unfold line': '展开此行',
  'Folded lines': '已折叠的行',
  'Unfolded lines': '已展开的行',
  'Selection deleted': '已删除所选内容',
  'Control character': '控制字符',
  Completions: '补全',
  Diagnostics: '诊断',
  'No diagnostics': '没有诊断信息',
};

export const EDITOR_PHRASES: Record<UiLanguage, Record<string, string>> = { en: {}, 'zh-CN': ZH_CN_PHRASES };
