// npm run correction-draft: after a correction of a published work's words, when `npm run build`
// stopped because a published paragraph id vanished (src/links/integration.ts), drafts the record
// entry of each corrected paragraph in content/corrections/<work>.yaml (src/corrections/): the page,
// the old and new ids, the words before (as published: content/links/published-texts.json, or the
// last good build in dist/) and after (the stopped build's pages). The librarian writes the date
// and the reason where it left ISI, and builds again.
//   npm run correction-draft                        draft the entries
//   npm run correction-draft -- --root <folder>     another project folder (the tests' copies)
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { STAGING_DIR } from '../src/build/whole-build.ts';
import { parseTexts } from '../src/corrections/published-texts.ts';
import { chapterOf, draftYaml, matchLost, recordHead, whereIs, type Match } from '../src/corrections/draft.ts';
import { diffText, wordDiff } from '../src/corrections/diff.ts';
import { paragraphTexts } from '../src/corrections/texts.ts';
import { checkLedger, readLedger } from '../src/links/integration.ts';
import { loadMovedIds } from '../src/links/moved-ids.ts';
import { publishedIds } from '../src/links/published-ids.ts';
import { correctionsFile, MOVED_FILE, PUBLISHED_TEXTS_FILE, ROOT } from '../src/paths.ts';

const args = process.argv.slice(2);
const root = args.includes('--root') ? args[args.indexOf('--root') + 1]! : ROOT;
const staging = join(root, STAGING_DIR);
const dist = join(root, 'dist');
// The build that stopped left its pages in the staging folder; a build that passed moved them to dist/.
const site = existsSync(join(staging, 'index.html')) ? staging : dist;
if (!existsSync(join(site, 'index.html'))) {
  console.error('No built pages to compare.\nfix: run `npm run build` first; when it stops naming a published link, run `npm run correction-draft`.');
  process.exit(1);
}

let moved;
try {
  moved = loadMovedIds(root);
} catch (e) {
  console.error(`${(e as Error).message}\nfix: complete or correct that entry first (a draft is complete when no ISI is left), then build again.`);
  process.exit(1);
}
const { lost } = checkLedger(readLedger(root), publishedIds(site), moved);
if (!lost.length) {
  console.log('correction-draft: every published id resolves; nothing to draft. (Run it after `npm run build` stops naming a published link.)');
  process.exit(0);
}

const published = existsSync(join(root, PUBLISHED_TEXTS_FILE)) ? parseTexts(readFileSync(join(root, PUBLISHED_TEXTS_FILE), 'utf8')) : {};
const pageTexts = (base: string, page: string) => {
  const file = join(base, page, 'index.html');
  return existsSync(file) ? paragraphTexts(readFileSync(file, 'utf8')) : {};
};
const lastGood = (page: string): Record<string, string> => (site === staging ? pageTexts(dist, page) : {});
const matches = matchLost(
  lost,
  (page, id) => published[page]?.[id] ?? lastGood(page)[id],
  (page) => pageTexts(site, page),
);

const byWork = new Map<string, Match[]>();
for (const m of matches) {
  const work = chapterOf(m.page)?.work;
  if (!work) continue;
  byWork.set(work, [...(byWork.get(work) ?? []), m]);
}
for (const [work, list] of byWork) {
  const file = join(root, correctionsFile(work));
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, recordHead(work));
  const start = readFileSync(file, 'utf8').split('\n').length;
  appendFileSync(file, draftYaml(list));
  console.log(`correction-draft: ${list.length} entr${list.length > 1 ? 'ies' : 'y'} drafted in ${correctionsFile(work)} (from line ${start}):`);
  for (const m of list) {
    console.log(`  ${m.page}#${m.from} → ${m.to} (${whereIs(root, m.page, m.after) ?? m.page})`);
    console.log(`    ${diffText(wordDiff(m.before, m.after))}`);
  }
}
const drafted = new Set(matches.map((m) => `${m.page}#${m.from}`));
const left = lost.filter((l) => !drafted.has(`${l.page}#${l.id}`));
if (left.length) {
  console.log(
    `\n${left.length} lost id${left.length > 1 ? 's' : ''} could not be drafted (not a paragraph, its published words unknown, or no paragraph on its page shares half its words):`,
  );
  for (const l of left) console.log(`  ${l.page}#${l.id}${l.candidates.length ? ` (new ids on that page: ${l.candidates.slice(0, 6).join(', ')})` : ''}`);
  console.log(`  Give each its successor by hand in ${MOVED_FILE}, or put back the text it was made of.`);
}
if (matches.length) {
  console.log(
    `\nnext: in each entry, replace ISI: "date" with the day of the correction (YYYY-MM-DD) and "reason" with what was wrong and what the printed source says; then \`npm run build\`.`,
  );
}
