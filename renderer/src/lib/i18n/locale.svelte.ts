// The UI language, as reactive state: every `t()` in a template reads it, so changing the setting re-words every view
// at once, without a restart. `system` follows navigator.languages (in Electron that is the OS locale).
import { UI_LANGUAGES, type UiLanguage, type UiLanguageSetting } from '../../../../main/contract/api';

/** The first of the user's preferred languages that the UI has, by primary subtag (zh-TW reads zh-CN, en-GB en). */
export function systemLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const found = UI_LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === primary);
    if (found) return found;
  }
  return 'en';
}

class Locale {
  setting = $state<UiLanguageSetting>('system');
  readonly current: UiLanguage = $derived(this.setting === 'system' ? systemLanguage(navigator.languages ?? [navigator.language]) : this.setting);
}

export const locale = new Locale();
