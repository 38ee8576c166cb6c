/**
 * What a manifest names (docs/media.md "What is copied"): every URI of an HLS playlist (lines and
 * `URI="…"` attributes), every `sourceURL`/`media` of a DASH `SegmentList`, or every name a DASH
 * `SegmentTemplate` implies (dash-segment-template.ts). Names must stay in the
 * file's folder (the CDN token covers the folder, issue 18): no scheme, no `/`, no `..`. Counting
 * stops past the cap, so a manifest naming a million segments costs one bounded pass.
 */
import { err, ok, type Result } from '../core/result';
import { expandSegmentTemplates } from './dash-segment-template';

/** A manifest's format by its name. */
export type ManifestKind = 'hls' | 'dash' | 'progressive';

/** The format of an object by its extension. */
export function manifestKindOf(name: string): ManifestKind {
  if (name.endsWith('.m3u8')) return 'hls';
  if (name.endsWith('.mpd')) return 'dash';
  return 'progressive';
}

const safeName = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;

function checkName(name: string): string | undefined {
  if (name.includes('..') || name.includes('/') || name.includes('\\') || name.includes(':')) return `manifest names "${name.slice(0, 80)}", outside the file's folder`;
  return safeName.test(name) ? undefined : `manifest names "${name.slice(0, 80)}", not a plain object name`;
}

function hlsNames(text: string, add: (name: string) => string | undefined): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) {
      const problem = add(line);
      if (problem !== undefined) return problem;
      continue;
    }
    const uri = /URI="([^"]*)"/.exec(line);
    if (uri !== null) {
      const problem = add(uri[1]!);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function dashNames(text: string, add: (name: string) => string | undefined, maxNames: number): string | undefined {
  if (/<BaseURL\b/.test(text)) return 'DASH BaseURL is not supported (names must be relative to the manifest)';
  const attribute = /<(?:Initialization|SegmentURL|RepresentationIndex)\b[^>]*?\b(?:sourceURL|media)="([^"]*)"/g;
  for (let match = attribute.exec(text); match !== null; match = attribute.exec(text)) {
    const problem = add(match[1]!);
    if (problem !== undefined) return problem;
  }
  return /<SegmentTemplate\b/.test(text) ? expandSegmentTemplates(text, maxNames, add) : undefined;
}

/** The distinct object names a manifest refers to, in order; an error names the first problem. */
export function listManifestReferences(kind: ManifestKind, text: string, maxNames: number): Result<string[], string> {
  const names = new Set<string>();
  const add = (name: string): string | undefined => {
    const problem = checkName(name);
    if (problem !== undefined) return problem;
    names.add(name);
    return names.size > maxNames ? `manifest names more than ${maxNames} objects` : undefined;
  };
  const problem = kind === 'hls' ? hlsNames(text, add) : kind === 'dash' ? dashNames(text, add, maxNames) : undefined;
  return problem === undefined ? ok([...names]) : err(problem);
}
