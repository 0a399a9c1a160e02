// The main process names each undo step in English (`EditOutcome.undoLabel`, stored with the step); the UI shows
// the known ones in its own language and any other label as it came.
import { t } from './i18n';
import { en, type UiKey } from './i18n/en';

export function undoLabelWords(label: string | null): string | null {
  if (label === null) return null;
  const key = `undoLabel.${label}`;
  return key in en ? t(key as UiKey & `undoLabel.${string}`) : label;
}
