// Every built page carries the Content-Security-Policy (src/security/csp.ts) before any script or
// style, and nothing on it needs more than the policy allows: each inline script is allowed by its
// hash, and there is no inline style, event-handler attribute or javascript: URL, which would need
// 'unsafe-inline'. (tests/browser/csp.test.ts checks in Chromium that nothing is blocked.)
import { describe, expect, it } from 'vitest';
import { CSP_META, scriptHash } from '../../src/security/csp.ts';
import { builtPages, readBuilt, refreshTarget } from '../support/site.ts';

// Every file, the pages that only lead to another included.
const pages = builtPages({ leading: true });

describe('Content-Security-Policy in the built pages', () => {
  it('comes right after <meta charset>, before any script or style, on every page', () => {
    const wrong = pages.filter((p) => !readBuilt(p).includes(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${CSP_META}">`));
    expect(wrong).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('allows every inline script by its hash (data blocks, JSON-LD and a chart\'s spec, run nothing and need none)', () => {
    const unlisted: string[] = [];
    let inline = 0;
    for (const p of pages) {
      for (const [, attrs, code] of readBuilt(p).matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
        if (/\ssrc=|type="application\/(ld\+)?json"/.test(attrs ?? '')) continue;
        inline++;
        if (!CSP_META.includes(scriptHash(code!))) unlisted.push(`${p}: ${code!.slice(0, 60)}`);
      }
    }
    expect(unlisted).toEqual([]);
    // One at least on every page but those that only lead to another (an entry page's old English address).
    expect(inline).toBeGreaterThan(pages.filter((p) => !refreshTarget(readBuilt(p))).length - 1);
  });

  it('has no inline style, event-handler attribute or javascript: URL', () => {
    const found = pages.flatMap((p) =>
      [...readBuilt(p).matchAll(/<style\b|\sstyle="|\son[a-z]+="|(?:href|src|action)="\s*javascript:/gi)].map((m) => `${p}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
