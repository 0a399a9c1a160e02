// The Theme setting applied to the page: `data-theme` on <html> fixes light or dark (styles.css turns it into the
// root's color-scheme, which every light-dark() colour of the palette follows); without it the system's
// prefers-color-scheme decides. The proof editor and plots draw with the same CSS variables, so they follow too.
import type { ThemeChoice } from '../../../main/contract/api';

export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
