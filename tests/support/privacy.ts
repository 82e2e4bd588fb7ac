// Finds personal data from the sources in built text without keeping that data in the repository:
// each item is stored as the SHA-256 of its normalised words, and every word n-gram is hashed.
import { createHash } from 'node:crypto';
import { words } from '../../measure/fidelity.ts';

interface Secret {
  n: number;
  sha256: string;
  what: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const SECRETS: Secret[] = [
  { n: 3, sha256: 'fec2bdde15e90e0b787fec769647aeb27dc9ea15a5f2b918302e32c82a7e6681', what: '000: birth date' },
  { n: 1, sha256: 'a255f88cace71cb261bf704adcb982d1f4afedefe9ad9d9af5b5d07e237781d9', what: '000: phone number' },
  { n: 3, sha256: 'c4a929a4513cfaa9e480514702866e109fd3e9123759087779c805cffe24a6db', what: '000: private e-mail' },
  { n: 1, sha256: '98382bfd7f73279ebe8780d1ca19bafba4b780b0b785d498d85d76f1d62fc4a5', what: '000: home address (street)' },
  { n: 2, sha256: '3b1532ff231ca3c79a2d5b9d41c79cb82e98d2a52783dc2bfd8ae63c3ce1f1ef', what: '000: home address (area)' },
  { n: 2, sha256: '84daf066bc6f733dcbd6aafe7a8b87ac0a9ecc5b679c9ac34b66c960d99677e5', what: "000: father's name" },
  { n: 2, sha256: '6071df36c8958e402acbfa4e898b3a1a63040553095ba4ebc3691fa0128b47ea', what: "000: mother's name" },
  { n: 2, sha256: 'df170c0c2a270b796e1adb14d8801bdcbeb8bc2e475d8b26e412310dc591e38e', what: "000: mother's name (Kata Pengantar spelling)" },
  { n: 3, sha256: 'd4a1e6db8de820692a3f5fd19d93ce9639c15501f7cfd71b83b2cb05f37447a7', what: '003: private e-mail' },
  // A canary whose plain text the self-test uses, to show the detector can fire.
  { n: 4, sha256: sha('kanari data pribadi uji'), what: 'canary' },
];

const PHONE = /(?:\+62|\b0)8\d{2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}\b/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

/** What personal data the text holds, by description (empty when none). */
export function findPersonalData(text: string): string[] {
  const found = new Set<string>();
  const tokens = words(text);
  const maxN = Math.max(...SECRETS.map((s) => s.n));
  const wanted = new Map(SECRETS.map((s) => [s.sha256, s.what]));
  for (let n = 1; n <= maxN; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const hit = wanted.get(sha(tokens.slice(i, i + n).join(' ')));
      if (hit) found.add(hit);
    }
  }
  const phone = PHONE.exec(text);
  if (phone) found.add(`phone-like number "${phone[0]}"`);
  const email = EMAIL.exec(text);
  if (email) found.add(`e-mail address "${email[0]}"`);
  return [...found];
}
