// node scripts/fidelity-draft.mjs <work-slug>: see scripts/checks/fidelity-draft.ts.
import { draftCoverage } from './checks/fidelity-draft.ts';
import { ROOT } from '../src/paths.ts';

const slug = process.argv[2];
if (!slug) {
  console.error('usage: npm run fidelity-draft -- <work-slug>   (the name of content/works/<work-slug>.yaml)');
  process.exit(2);
}
try {
  const d = draftCoverage(ROOT, slug);
  if (d.note) console.log(`note: ${d.note}`);
  console.log(`${slug}: ${(d.coverage.ratio * 100).toFixed(2)}% of ${d.coverage.total} words of ${d.sourceFile} (npm test needs at least 99%)`);
  for (const m of d.coverage.missing) console.log(`  missing: ${m.slice(0, 300)}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
