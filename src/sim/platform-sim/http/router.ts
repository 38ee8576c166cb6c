import type { Reply } from './reply';

/**
 * A router on plain data: routes are `{method, path, auth, handle}` records, compiled once into
 * segment lists; matching splits the path and compares segments, no regular expressions.
 */
export type RouteAuth = 'bearer' | 'client' | 'none';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSpec<C> {
  readonly method: HttpMethod;
  /** Segments starting with `:` are parameters, e.g. `/catalog/v1/items/:itemId`. */
  readonly path: string;
  readonly operationId: string;
  readonly auth: RouteAuth;
  /** Route handlers that accept a JSON body; others ignore any body sent. */
  readonly body?: boolean;
  handle(ctx: C): Reply;
}

interface CompiledRoute<C> {
  readonly spec: RouteSpec<C>;
  readonly segments: readonly string[];
}

export type RouteMatch<C> =
  | { readonly kind: 'found'; readonly spec: RouteSpec<C>; readonly params: Record<string, string> }
  | { readonly kind: 'wrong_method'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'none' };

export interface Router<C> {
  match(method: string, path: string): RouteMatch<C>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = actual[i] as string;
    if (want.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(got);
      } catch {
        return null;
      }
      params[want.slice(1)] = value;
    } else if (want !== got) return null;
  }
  return params;
}

/** Compiles route specs; routes are grouped by segment count so a match scans few candidates. */
export function createRouter<C>(routes: readonly RouteSpec<C>[]): Router<C> {
  const bySize = new Map<number, CompiledRoute<C>[]>();
  for (const spec of routes) {
    const segments = splitPath(spec.path);
    const list = bySize.get(segments.length) ?? [];
    // Static paths first so `/items/batch`-like literals win over `/items/:id`.
    list.push({ spec, segments });
    list.sort((a, b) => countParams(a.segments) - countParams(b.segments));
    bySize.set(segments.length, list);
  }
  return {
    match(method, path) {
      const actual = splitPath(path);
      const allowed: HttpMethod[] = [];
      for (const route of bySize.get(actual.length) ?? []) {
        const params = matchSegments(route.segments, actual);
        if (!params) continue;
        if (route.spec.method === method) return { kind: 'found', spec: route.spec, params };
        allowed.push(route.spec.method);
      }
      return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'none' };
    },
  };
}

function countParams(segments: readonly string[]): number {
  return segments.filter((s) => s.startsWith(':')).length;
}
