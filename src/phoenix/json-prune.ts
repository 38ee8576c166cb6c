/**
 * Keeps an over-budget JSON value from ever being built (issue 9, finding 7 and the RSS budget):
 * before `JSON.parse`, one linear pass over the text replaces every array or object that is
 * nested deeper than any call's parameters may be, or has more items than a call may hold, by a
 * marker string. The marker then fails the budget check of the one call it sits in
 * (request-budget.ts), so a multirequest still answers slot by slot — without 300,000 nested
 * arrays (~35 MB) being allocated first. Only values that fail the budget anyway are replaced.
 */

/** The string an over-budget container becomes; request-budget.ts treats it as over budget. */
export const overBudgetMarker = '\u0000understudy:over-budget';

const markerJson = JSON.stringify(overBudgetMarker);

interface OpenContainer {
  readonly start: number;
  readonly depth: number;
  children: number;
  empty: boolean;
}

/** Skips a JSON string starting at `at` (a quote); returns the index after its closing quote. */
function skipString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i += 1;
  }
  return i;
}

/** Index after the container opened at `at` (depth-counted, strings skipped), or text.length. */
function skipContainer(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x5b || c === 0x7b) depth += 1;
    else if ((c === 0x5d || c === 0x7d) && --depth === 0) return i + 1;
    i += 1;
  }
  return i;
}

/**
 * The text with over-budget containers replaced. `maxDepth`: containers at this depth or deeper
 * (the top-level value is depth 1) are replaced whole; `maxItems`: containers below the top level
 * with more items are replaced. Malformed text is returned as it is, for JSON.parse to reject.
 */
export function pruneOverBudgetJson(text: string, maxDepth: number, maxItems: number): string {
  const cuts: [number, number][] = [];
  const stack: OpenContainer[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (stack.length > 0) stack[stack.length - 1]!.empty = false;
      i = skipString(text, i);
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      if (stack.length > 0) stack[stack.length - 1]!.empty = false;
      if (stack.length + 1 >= maxDepth) {
        const end = skipContainer(text, i);
        cuts.push([i, end]);
        i = end;
        continue;
      }
      stack.push({ start: i, depth: stack.length + 1, children: 0, empty: true });
    } else if (c === 0x2c && stack.length > 0) stack[stack.length - 1]!.children += 1;
    else if (c === 0x5d || c === 0x7d) {
      const open = stack.pop();
      if (open === undefined) return text;
      const items = open.empty ? 0 : open.children + 1;
      if (open.depth > 1 && items > maxItems) {
        while (cuts.length > 0 && cuts[cuts.length - 1]![0] > open.start) cuts.pop();
        cuts.push([open.start, i + 1]);
      }
    } else if (c > 0x20 && stack.length > 0) stack[stack.length - 1]!.empty = false;
    i += 1;
  }
  if (cuts.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    out += text.slice(at, start) + markerJson;
    at = end;
  }
  return out + text.slice(at);
}
