// Issue 11: addresses leave the desktop app only through the main process's vetting and confirmation (a
// middle-click used to go straight to shell.openExternal). The user's answer is the one thing faked here.
import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL, openExternalLink, type LinkOpener } from '../../../main/electron/externalLinks';

function user(answer: boolean): LinkOpener & { asked: string[]; opened: string[] } {
  const asked: string[] = [];
  const opened: string[] = [];
  return {
    asked, opened,
    confirm: async (url) => (asked.push(url), answer),
    open: async (url) => void opened.push(url),
  };
}

describe('external links from card content', () => {
  it.each([
    ['file: (a local file)', 'file:///home/me/.ssh/id_ed25519', 'scheme'],
    ['javascript:', 'javascript:alert(document.cookie)', 'scheme'],
    ['JavaScript: in odd case', 'JaVaScRiPt:alert(1)', 'scheme'],
    ['a custom scheme', 'vscode://file/etc/passwd', 'scheme'],
    ['ms-settings:', 'ms-settings:privacy', 'scheme'],
    ['smb: (a network share)', 'smb://attacker.example/share', 'scheme'],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'scheme'],
    ['the app itself', 'proofdeck-app://app/index.html', 'scheme'],
    ['the proof sandbox', 'proofbox://sandbox/sandbox.html', 'scheme'],
    ['credentials hiding the host', 'https://arxiv.org@attacker.example/paper', 'credentials'],
    ['not a URL', 'arxiv.org/abs/1412.6980', 'not-a-url'],
    ['an address nobody can read', `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL)}`, 'too-long'],
  ])('refuses %s without asking', async (_label, url, reason) => {
    const person = user(true);
    expect(await openExternalLink(url, person)).toEqual({ open: false, reason });
    expect(person.asked).toEqual([]);
    expect(person.opened).toEqual([]);
  });

  it.each([
    ['https', 'https://arxiv.org/abs/1412.6980', 'https://arxiv.org/abs/1412.6980'],
    ['http, normalised as shown', 'HTTP://Example.ORG/a b', 'http://example.org/a%20b'],
    ['mailto', 'mailto:authors@example.org?subject=Adam', 'mailto:authors@example.org?subject=Adam'],
    ['an internationalised host', 'https://例子.测试/优化器', 'https://xn--fsqu00a.xn--0zwm56d/%E4%BC%98%E5%8C%96%E5%99%A8'],
  ])('opens %s only after the user confirmed the exact address', async (_label, url, shown) => {
    const person = user(true);
    expect(await openExternalLink(url, person)).toEqual({ open: true, url: shown });
    expect(person.asked).toEqual([shown]);
    expect(person.opened).toEqual([shown]);
  });

  it('opens nothing the user declined', async () => {
    const person = user(false);
    expect(await openExternalLink('https://attacker.example/phish', person)).toEqual({ open: false, reason: 'declined' });
    expect(person.opened).toEqual([]);
  });
});
