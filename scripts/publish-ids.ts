// npm run publish-ids: publishing. Records every id the built site (dist/, from `npm run build`)
// shows in content/links/published-ids.json, after checking that no id published before is lost.
// From then on the build guards those ids (src/links/integration.ts): a published paragraph that
// changes needs its successor in content/links/moved-ids.yaml. Until then a work is a draft and
// its text may change freely. Commit the ledger with the published content. It also keeps the words
// of every published paragraph in content/links/published-texts.json, so that when one is corrected
// `npm run correction-draft` can show what the readers had (src/corrections/).
//   npm run publish-ids              record the built site's ids (publishing)
//   npm run publish-ids -- --check   record nothing; fail if the built site shows an id the ledger
//                                    does not hold (the deploy: nothing goes out unrecorded)
//   npm run publish-ids -- --root <folder>   another project folder (the tests' copies)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLedger, lostMessage, readLedger } from '../src/links/integration.ts';
import { loadMovedIds } from '../src/links/moved-ids.ts';
import { publishedIds } from '../src/links/published-ids.ts';
import { publishedTexts } from '../src/corrections/published-texts.ts';
import { LEDGER_FILE, PUBLISHED_TEXTS_FILE, ROOT } from '../src/paths.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = args.includes('--root') ? args[args.indexOf('--root') + 1]! : ROOT;
const dist = join(root, 'dist');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`dist/ has no built site.\nfix: run \`npm run build\` first, then \`npm run publish-ids\`.`);
  process.exit(1);
}
const ledger = readLedger(root);
const now = publishedIds(dist);
const { lost, next, added } = checkLedger(ledger, now, loadMovedIds(root));
if (lost.length) {
  console.error(lostMessage(lost));
  process.exit(1);
}
if (check) {
  if (added) {
    const pages = Object.entries(now)
      .filter(([page, ids]) => ids.some((id) => !(ledger[page] ?? []).includes(id)))
      .map(([page]) => page);
    console.error(
      `${added} id${added > 1 ? 's' : ''} on ${pages.length} page${pages.length > 1 ? 's' : ''} not recorded in ${LEDGER_FILE}: ${pages.slice(0, 8).join(', ')}${pages.length > 8 ? ', …' : ''}\n` +
        `fix: run \`npm run build && npm run publish-ids\` and commit ${LEDGER_FILE} before publishing.`,
    );
    process.exit(1);
  }
  console.log(`publish-ids: every id the site shows is recorded in ${LEDGER_FILE}`);
} else {
  if (added) writeFileSync(join(root, LEDGER_FILE), `${JSON.stringify(next, null, 1)}\n`);
  const textsFile = join(root, PUBLISHED_TEXTS_FILE);
  const before = existsSync(textsFile) ? readFileSync(textsFile, 'utf8') : '';
  const texts = publishedTexts(dist, next, before);
  if (texts !== before) {
    writeFileSync(textsFile, texts);
    console.log(`publish-ids: the published paragraphs' words kept in ${PUBLISHED_TEXTS_FILE}; commit it with the ledger`);
  }
  console.log(
    added
      ? `publish-ids: ${added} new id${added > 1 ? 's' : ''} recorded in ${LEDGER_FILE}; commit it: git add ${LEDGER_FILE} && git commit -m "Publish ids"`
      : `publish-ids: nothing new; ${LEDGER_FILE} already holds every id the site shows`,
  );
}
