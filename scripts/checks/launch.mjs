// Runs a TypeScript script of this project under the pinned Node (the `node` dev dependency, Node
// 24, which runs .ts directly), so `node scripts/<name>.mjs` works on the machine's Node 20 too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function launch(script) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const pinned = `${root}node_modules/node/bin/node`;
  const node = existsSync(pinned) ? pinned : process.execPath;
  const run = spawnSync(node, [`${root}${script}`, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
