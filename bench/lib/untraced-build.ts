/**
 * "Without the code" for bench/tracing-bench.ts: this tree built into a temp directory with its
 * tracing wiring (src/compose/compose-tracing.ts, the only importer of the OpenTelemetry modules)
 * replaced by one that hands back what it is given, so no OpenTelemetry module is ever loaded and
 * every other feature is the same as in the build measured beside it. The gateway keeps its
 * `trace?` checks (one property read per request). Or, with a commit, that commit's tree as is.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const untracedCompose = `/** bench/lib/untraced-build.ts: tracing taken out; nothing here loads OpenTelemetry. */
import type { RequestListener } from 'node:http';
import type { UnderstudyConfig } from '../config/config-types';
import type { GatewayTracing } from '../gateway/gateway-tracing';
import type { VendorPassthrough } from '../upstream/passthrough-types';

type ListenerWrapper = (listener: RequestListener) => RequestListener;

export interface TracingParts {
  readonly gateway?: GatewayTracing;
  readonly wrapEdge: ListenerWrapper;
  readonly wrapPassthrough: (passthrough: VendorPassthrough) => VendorPassthrough;
  readonly forSim: (service: 'vendor-sim' | 'platform-sim') => ListenerWrapper | undefined;
  watchUpstreams(vendorUrl: string, platformUrl: string): void;
  close(): Promise<void>;
}

export function composeTracing(_config: UnderstudyConfig, _version: string): TracingParts {
  return {
    wrapEdge: (listener) => listener,
    wrapPassthrough: (passthrough) => passthrough,
    forSim: () => undefined,
    watchUpstreams: () => undefined,
    close: () => Promise.resolve(),
  };
}
`;

/** Builds the baseline into a temp directory (its own tsc, this checkout's node_modules); returns its CLI and how to remove it. */
export function buildUntraced(repoRoot: string, commit?: string): { cli: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-untraced-'));
  execFileSync('sh', ['-c', `git archive ${commit ?? 'HEAD'} | tar -x -C '${dir}'`], { cwd: repoRoot });
  if (commit === undefined) {
    // The working tree's code (uncommitted changes too), as the measured build has it.
    for (const folder of ['src', 'bench']) {
      rmSync(join(dir, folder), { recursive: true, force: true });
      cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true, filter: (path) => !path.includes('/bench/out') });
    }
    writeFileSync(join(dir, 'src/compose/compose-tracing.ts'), untracedCompose);
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir });
  const cli = join(dir, 'dist/src/cli/main.js');
  if (!existsSync(cli)) throw new Error(`the untraced build has no ${cli}`);
  return { cli, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
