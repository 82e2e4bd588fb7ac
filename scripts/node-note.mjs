// After `npm install`: one line on the Node version, instead of npm's engine warnings (silenced in
// .npmrc). npm itself may run on Node 20; every `npm run` script runs on the pinned Node 24.
const agent = /node\/v([\d.]+)/.exec(process.env.npm_config_user_agent ?? '')?.[1] ?? process.versions.node;
console.log(
  `ruang-baca-ntt: installed with Node ${agent}; every npm run script uses the pinned Node 24 (the "node" dev dependency), as Astro 7 needs Node >= 22.12.`,
);
