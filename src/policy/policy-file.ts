/**
 * A policy kept in a YAML or JSON file and followed live (docs/architecture.md §4 "Policy"). Changes are seen
 * through fs.watch on the file's directory (editors and deploy tools replace files by rename),
 * debounced, with stat polling as a fallback where watching is unreliable (network and container
 * file systems). An invalid file never replaces the active version; its errors go to `onError`.
 */
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { err, ok, type Result } from '../core/result';
import type { PolicyHolder } from './policy-holder';

export interface PolicyFileOptions {
  /** Called with every problem when a changed file cannot be read, parsed or validated. */
  readonly onError: (errors: string[]) => void;
  /** Called after a changed file became the active version. */
  readonly onReload?: (version: number) => void;
  /** Quiet time after the last change event before reading (default 100 ms). */
  readonly debounceMs?: number;
  /** Interval of the stat polling fallback (default 2000 ms). */
  readonly pollIntervalMs?: number;
  /** Set false to rely on polling alone, where fs.watch misbehaves (default true). */
  readonly useFsWatch?: boolean;
  /**
   * Asked with the file's parsed content at start: true keeps the active version instead (it was
   * restored from the store and the file has not changed since it was last applied).
   */
  readonly keepActiveIf?: (parsed: unknown) => boolean;
}

export interface PolicyFileWatch {
  /** Result of the load done when watching started. */
  readonly initial: Result<{ version: number }, string[]>;
  /** Stops watching and polling. */
  close(): void;
}

/** Parses policy file text: JSON for `.json`, YAML otherwise. */
export function parsePolicyText(file: string, text: string): Result<unknown, string[]> {
  try {
    return ok(file.endsWith('.json') ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown));
  } catch (e) {
    return err([`${file}: ${(e as Error).message}`]);
  }
}

function readText(file: string): Result<string, string[]> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    return err([`cannot read policy file ${file}: ${(e as Error).message}`]);
  }
}

function applyText(holder: PolicyHolder, file: string, text: string): Result<{ version: number }, string[]> {
  const parsed = parsePolicyText(file, text);
  if (!parsed.ok) return parsed;
  const replaced = holder.replace(parsed.value, `file:${file}`);
  return replaced.ok ? replaced : err(replaced.error.map((e) => `${file}: ${e}`));
}

function applyInitial(holder: PolicyHolder, path: string, text: string, options: PolicyFileOptions): Result<{ version: number }, string[]> {
  const parsed = options.keepActiveIf === undefined ? undefined : parsePolicyText(path, text);
  if (parsed?.ok === true && options.keepActiveIf?.(parsed.value) === true) return ok({ version: holder.current().version });
  return applyText(holder, path, text);
}

/** Reads a policy file once and makes it the active version when it is valid. */
export function loadPolicyFile(holder: PolicyHolder, file: string): Result<{ version: number }, string[]> {
  const path = resolve(file);
  const text = readText(path);
  return text.ok ? applyText(holder, path, text.value) : text;
}

function statSignature(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Watches the file's directory (renames replace the inode); undefined where watching fails. */
function watchDirectoryFor(path: string, onChange: () => void): FSWatcher | undefined {
  try {
    const watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
      if (name === null || name === basename(path)) onChange();
    });
    watcher.on('error', () => watcher.close()); // polling carries on alone
    return watcher;
  } catch {
    return undefined;
  }
}

/** Loads the file now, then follows its changes until `close()`. */
export function watchPolicyFile(holder: PolicyHolder, file: string, options: PolicyFileOptions): PolicyFileWatch {
  const path = resolve(file);
  const debounceMs = options.debounceMs ?? 100;
  let lastText: string | undefined;
  let lastSignature = statSignature(path);
  let timer: NodeJS.Timeout | undefined;

  const check = (): void => {
    lastSignature = statSignature(path);
    const text = readText(path);
    const seen = text.ok ? text.value : `\u0000${text.error.join()}`;
    if (seen === lastText) return; // unchanged content (or the same error) is not a new version
    lastText = seen;
    const applied = text.ok ? applyText(holder, path, text.value) : text;
    if (applied.ok) options.onReload?.(applied.value.version);
    else options.onError(applied.error);
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
    timer.unref();
  };

  const initialText = readText(path);
  lastText = initialText.ok ? initialText.value : undefined;
  const initial = initialText.ok ? applyInitial(holder, path, initialText.value, options) : initialText;

  const watcher = options.useFsWatch === false ? undefined : watchDirectoryFor(path, schedule);
  const poll = setInterval(() => {
    if (statSignature(path) !== lastSignature) schedule();
  }, options.pollIntervalMs ?? 2000);
  poll.unref();

  return {
    initial,
    close: () => {
      watcher?.close();
      clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
