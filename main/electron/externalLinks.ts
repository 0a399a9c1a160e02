// Links that leave the app (a card's link clicked, middle-clicked or opened by a script) are vetted here, in the
// main process, because the renderer shows untrusted card content and its own confirm() is easy to bypass (a
// middle-click never reached it). Only http(s) and mailto addresses open, each after the user confirmed the exact
// address in a main-process dialog. Decision logic only, no Electron import: Node tests run it with fake dialogs.

export const EXTERNAL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** Longer addresses are refused: nobody can read one in a dialog, and they are a common way to hide a target. */
export const MAX_EXTERNAL_URL = 2048;

export type LinkVerdict = { open: true; url: string } | { open: false; reason: 'not-a-url' | 'scheme' | 'credentials' | 'too-long' | 'declined' };

export interface LinkOpener {
  /** The user's answer to "open this address outside ProofDeck?" (Electron's message box). */
  confirm(url: string): Promise<boolean>;
  /** Hands the address to the system (Electron's shell.openExternal). */
  open(url: string): Promise<void>;
}

/** Whether an address may be offered to the user at all; the normalised address when it may. */
export function vetExternalUrl(raw: string): LinkVerdict {
  if (raw.length > MAX_EXTERNAL_URL) return { open: false, reason: 'too-long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { open: false, reason: 'not-a-url' };
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) return { open: false, reason: 'scheme' };
  // user:password@host shows the user a name that is not the host the browser goes to.
  if (url.username || url.password) return { open: false, reason: 'credentials' };
  return { open: true, url: url.href };
}

/** Vets, asks, and opens: the one path by which any address leaves the app. */
export async function openExternalLink(raw: string, opener: LinkOpener): Promise<LinkVerdict> {
  const verdict = vetExternalUrl(raw);
  if (!verdict.open) return verdict;
  if (!(await opener.confirm(verdict.url))) return { open: false, reason: 'declined' };
  await opener.open(verdict.url);
  return verdict;
}
