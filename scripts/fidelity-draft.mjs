// Coverage of a source by the content files of its work, without a build, while converting:
//   node scripts/fidelity-draft.mjs <work-slug>     (or: npm run fidelity-draft -- <work-slug>)
// Measured with the real test's code (scripts/checks/fidelity-draft.ts); the gate is npm test.
import { launch } from './checks/launch.mjs';

launch('scripts/fidelity-draft.ts');
