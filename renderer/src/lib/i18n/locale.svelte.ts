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

/** The language the system asks for: the browser's (Electron's follows the OS); English where there is none (Node). */
export const systemUiLanguage = (): UiLanguage =>
  systemLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

class Locale {
  setting = $state<UiLanguageSetting>('system');
  readonly current: UiLanguage = $derived(this.setting === 'system' ? systemUiLanguage() : this.setting);
}

export const locale = new Locale();
