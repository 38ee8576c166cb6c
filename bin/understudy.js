#!/usr/bin/env node
// Entry for `npx understudy …`: runs the compiled CLI (build first with `npm run build`).
const { buildProgram } = require('../dist/src/cli/main.js');
buildProgram()
  .parseAsync(process.argv)
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
