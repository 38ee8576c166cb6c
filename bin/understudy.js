#!/usr/bin/env node
// Entry for `npx understudy …`: runs the compiled CLI (build first with `npm run build`).
require('../dist/cli/main.js');
