/**
 * The external tools the deploy checks run (kubectl's kustomize, promtool, prometheus, chromium) and
 * why a check is skipped when one is missing. `.ci/run` installs each from Debian when absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root. */
export const repoRoot = resolve(__dirname, '../..');
/** deploy/ in the repository. */
export const deployDir = join(repoRoot, 'deploy');

/** The site overlays, in deploy/kubernetes/overlays. */
export const siteOverlays = ['site-a', 'site-b'] as const;

/** A Kubernetes object as rendered (loosely typed: tests probe it). */
export type RenderedObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [key: string]: any };

function run(file: string, args: readonly string[]): { ok: true; out: string } | { ok: false; why: string } {
  try {
    return { ok: true, out: execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }) };
  } catch (e) {
    const error = e as { code?: string; stderr?: string; message: string };
    return { ok: false, why: error.code === 'ENOENT' ? `${file} is not installed` : (error.stderr ?? error.message).trim() };
  }
}

/** The kubectl the render tests run: the one scripts/install-kubectl.sh installed (.ci/run names it), else PATH's. */
const kubectl = process.env.UNDERSTUDY_TEST_KUBECTL ?? 'kubectl';

/** Why kubectl's kustomize cannot render the overlays here, or undefined when it can (Kustomize ≥ v4 for `labels`/`patches`/`envs`). */
export function kustomizeUnavailableReason(): string | undefined {
  const version = run(kubectl, ['version', '--client']);
  const install = 'scripts/install-kubectl.sh installs one from the npm registry; .ci/run runs it';
  if (!version.ok) return `${version.why} (${install})`;
  const match = /Kustomize Version: v(\d+)/.exec(version.out);
  if (match === null) return `${kubectl} reports no Kustomize version, so it predates v4 (${install})`;
  return Number(match[1]) >= 4 ? undefined : `${kubectl}'s Kustomize v${match[1]} predates the labels/patches/envs fields the manifests use (${install})`;
}

/** Renders a Kustomize directory under deploy/kubernetes with `kubectl kustomize`. */
export function renderKustomization(relativeDir: string): RenderedObject[] {
  const rendered = run(kubectl, ['kustomize', join(deployDir, 'kubernetes', relativeDir)]);
  if (!rendered.ok) throw new Error(`kubectl kustomize ${relativeDir} failed: ${rendered.why}`);
  return parseAllDocuments(rendered.out).map((doc) => doc.toJS() as RenderedObject).filter((o) => o !== null);
}

/** Why `tool` (promtool, prometheus, chromium) cannot run here, or undefined when it can. */
export function toolUnavailableReason(tool: 'promtool' | 'prometheus' | 'chromium'): string | undefined {
  const path = `/usr/bin/${tool}`;
  if (!existsSync(path)) return `${path} is not installed (.ci/run installs Debian's ${tool === 'promtool' ? 'prometheus' : tool} package when missing)`;
  const version = run(path, ['--version']);
  return version.ok ? undefined : `${path} --version failed: ${version.why}`;
}

/** Runs a tool and returns its combined result without throwing. */
export function runTool(file: string, args: readonly string[]): { ok: true; out: string } | { ok: false; why: string } {
  return run(file, args);
}

/**
 * Registers what stands in for the render tests when kubectl's kustomize cannot run: in CI
 * (`CI=true`, where .ci/run installs kubectl) a failing test naming the reason, elsewhere a skip.
 */
export function registerKustomizeUnavailable(what: string, reason: string): void {
  reportSkipped(what, reason);
  if (process.env.CI === 'true') it(`${what}: kubectl kustomize must render in CI`, () => { throw new Error(reason); });
  else it.skip(`${what}: skipped because ${reason}`, () => undefined);
}

/** Says on stderr why a deploy check is skipped (the skipped test's name says it too). */
export function reportSkipped(what: string, reason: string | undefined): void {
  if (reason !== undefined) process.stderr.write(`${what} skipped: ${reason}\n`);
}
