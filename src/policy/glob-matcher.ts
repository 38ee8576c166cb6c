/**
 * Name lists with `*` globs, compiled once per policy version so a decision never builds a regex
 * (issue: the decision costs ≤ 20 µs). Exact names go to a Set; `*` alone matches everything;
 * `prefix*` and `*suffix` become string checks; anything else becomes one precompiled RegExp.
 */

/** Tests one already-normalised name. */
export type NameMatcher = (name: string) => boolean;

const matchEverything: NameMatcher = () => true;

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function compileGlob(glob: string): NameMatcher {
  const stars = glob.split('*').length - 1;
  if (stars === 1 && glob.endsWith('*')) {
    const prefix = glob.slice(0, -1);
    return (name) => name.startsWith(prefix);
  }
  if (stars === 1 && glob.startsWith('*')) {
    const suffix = glob.slice(1);
    return (name) => name.endsWith(suffix);
  }
  const pattern = new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`, 's');
  return (name) => pattern.test(name);
}

/**
 * Compiles a list of names and globs (already normalised by the caller) into one matcher that is
 * true when any entry matches. Duplicates are dropped; a `*` anywhere makes the list match all.
 */
export function compileNameMatcher(entries: readonly string[]): NameMatcher {
  const unique = [...new Set(entries)];
  if (unique.some((entry) => /^\*+$/.test(entry))) return matchEverything;
  const exact = new Set(unique.filter((entry) => !entry.includes('*')));
  const globs = unique.filter((entry) => entry.includes('*')).map(compileGlob);
  if (globs.length === 0) return (name) => exact.has(name);
  return (name) => {
    if (exact.has(name)) return true;
    for (const glob of globs) if (glob(name)) return true;
    return false;
  };
}
