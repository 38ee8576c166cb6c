/**
 * DASH `SegmentTemplate` expansion (docs/media.md "Copy and verify"): the object names a templated
 * MPD implies, for the copy to fetch. One linear pass over the tags keeps a stack of
 * Period / AdaptationSet / Representation; a Representation's template is its own merged over its
 * AdaptationSet's and Period's (DASH inheritance). Names come from `$RepresentationID$`,
 * `$Bandwidth$`, `$Number$` and `$Time$` (with `%0Nd` widths), numbered by a `SegmentTimeline` or by
 * `duration` over the Period's (or presentation's) duration. Every expansion is bounded by the
 * caller's name cap, so a template implying a million segments costs at most that many steps.
 */

type Attributes = Readonly<Record<string, string>>;

interface Template {
  attrs: Record<string, string>;
  timeline: { t?: number; d: number; r: number }[] | undefined;
}

interface Level {
  readonly name: string;
  readonly attrs: Attributes;
  template?: Template;
}

/** Called with each name; a string return stops the expansion with that problem. */
export type AddName = (name: string) => string | undefined;

const tagPattern = /<(\/?)([A-Za-z][\w:.-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const attributePattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function readAttributes(text: string): Attributes {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(attributePattern)) attrs[m[1]!] = m[2] ?? m[3] ?? '';
  return attrs;
}

/** Seconds of an ISO 8601 duration such as `PT1H2M3.5S` (days allowed); undefined when unreadable. */
export function parseIsoDuration(text: string | undefined): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text ?? '');
  if (m === null || text === 'P' || text === 'PT') return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/** Fills one template with the identifiers of a segment; what it cannot fill becomes U+FFFD (refused). */
function fill(template: string, values: { id: string; bandwidth: string; number?: number; time?: number }): string {
  return template.replace(/\$(RepresentationID|Bandwidth|Number|Time|)(?:%0(\d{1,2})d)?\$|\$/g, (whole, name: string | undefined, width: string | undefined) => {
    if (name === undefined) return '\uFFFD';
    if (name === '') return '$';
    const value = name === 'RepresentationID' ? values.id : name === 'Bandwidth' ? values.bandwidth : String(name === 'Number' ? values.number : values.time);
    if (value === 'undefined') return '\uFFFD';
    return width === undefined ? value : value.padStart(Number(width), '0');
  });
}

function checked(name: string, template: string): string | undefined {
  return name.includes('\uFFFD') ? `DASH SegmentTemplate "${template.slice(0, 80)}" uses an identifier it cannot fill` : undefined;
}

type Segment = { readonly number: number; readonly time: number };

/** The segments of a SegmentTimeline, at most `budget.steps` of them. */
function timelineSegments(timeline: Template['timeline'] & object, firstNumber: number, budget: { steps: number }): Segment[] | string {
  const out: Segment[] = [];
  let time = 0;
  let number = firstNumber;
  for (const s of timeline) {
    if (s.r < 0) return 'DASH SegmentTimeline with an open-ended repeat (r="-1") is not supported';
    if (!(s.d > 0) || !Number.isSafeInteger(s.r) || (s.t !== undefined && !(s.t >= 0))) return 'DASH SegmentTimeline entry without a valid d, r or t';
    time = s.t ?? time;
    for (let i = 0; i <= s.r; i++, number++, time += s.d) {
      if (--budget.steps < 0) return 'too many';
      out.push({ number, time });
    }
  }
  return out;
}

/** Every segment (number, time) of a template, at most `budget.steps` of them. */
function listSegments(template: Template, totalSeconds: number | undefined, budget: { steps: number }): Segment[] | string {
  const firstNumber = Number(template.attrs.startNumber ?? 1);
  if (template.timeline !== undefined) return timelineSegments(template.timeline, firstNumber, budget);
  const duration = Number(template.attrs.duration);
  const timescale = Number(template.attrs.timescale ?? 1);
  if (!(duration > 0) || !(timescale > 0) || totalSeconds === undefined) return 'DASH SegmentTemplate without a SegmentTimeline needs duration, timescale and a Period or presentation duration';
  const count = Math.ceil((totalSeconds * timescale) / duration - 1e-9);
  const out: Segment[] = [];
  for (let i = 0; i < count; i++) {
    if (--budget.steps < 0) return 'too many';
    out.push({ number: firstNumber + i, time: i * duration });
  }
  return out;
}

function expand(template: Template, rep: Attributes, totalSeconds: number | undefined, budget: { readonly maxNames: number; steps: number }, add: AddName): string | undefined {
  const values = { id: rep.id ?? '', bandwidth: rep.bandwidth ?? '' };
  if (template.attrs.initialization !== undefined) {
    const name = fill(template.attrs.initialization, values);
    const problem = checked(name, template.attrs.initialization) ?? add(name);
    if (problem !== undefined) return problem;
  }
  if (template.attrs.media === undefined) return undefined;
  const steps = listSegments(template, totalSeconds, budget);
  if (steps === 'too many') return `manifest names more than ${budget.maxNames} objects`;
  if (typeof steps === 'string') return steps;
  for (const step of steps) {
    const name = fill(template.attrs.media, { ...values, ...step });
    const problem = checked(name, template.attrs.media) ?? add(name);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The template in effect at the innermost level: each level's attributes over its parents'. */
function effectiveTemplate(stack: readonly Level[]): Template | undefined {
  let merged: Template | undefined;
  for (const level of stack) {
    if (level.template === undefined) continue;
    merged = { attrs: { ...merged?.attrs, ...level.template.attrs }, timeline: level.template.timeline ?? merged?.timeline };
  }
  return merged;
}

/** Adds every name the MPD's SegmentTemplates imply; returns the first problem. */
export function expandSegmentTemplates(text: string, maxNames: number, add: AddName): string | undefined {
  const budget = { maxNames, steps: maxNames };
  const stack: Level[] = [];
  let presentation: number | undefined;
  let template: Template | undefined;
  for (const m of text.matchAll(tagPattern)) {
    const [, closing, name, rawAttrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing === '/') {
      if (name === 'SegmentTemplate') template = undefined;
      else if (name === 'Representation') {
        const problem = closeRepresentation(stack, presentation, budget, add);
        if (problem !== undefined) return problem;
      }
      if (name === 'Period' || name === 'AdaptationSet' || name === 'Representation') stack.pop();
      continue;
    }
    const attrs = readAttributes(rawAttrs);
    if (name === 'MPD') presentation = parseIsoDuration(attrs.mediaPresentationDuration);
    else if (name === 'Period' || name === 'AdaptationSet' || name === 'Representation') {
      stack.push({ name, attrs });
      if (selfClosing === '/') {
        const problem = name === 'Representation' ? closeRepresentation(stack, presentation, budget, add) : undefined;
        stack.pop();
        if (problem !== undefined) return problem;
      }
    } else if (name === 'SegmentTemplate' && stack.length === 0) {
      return 'DASH SegmentTemplate outside a Period is not supported';
    } else if (name === 'SegmentTemplate') {
      template = { attrs: { ...attrs }, timeline: undefined };
      stack[stack.length - 1]!.template = template;
      if (selfClosing === '/') template = undefined;
    } else if (name === 'S' && template !== undefined) {
      (template.timeline ??= []).push({ ...(attrs.t === undefined ? {} : { t: Number(attrs.t) }), d: Number(attrs.d), r: Number(attrs.r ?? 0) });
    }
  }
  return undefined;
}

function closeRepresentation(stack: readonly Level[], presentation: number | undefined, budget: { readonly maxNames: number; steps: number }, add: AddName): string | undefined {
  const template = effectiveTemplate(stack);
  if (template === undefined) return undefined;
  const period = stack.find((level) => level.name === 'Period');
  const total = parseIsoDuration(period?.attrs.duration) ?? presentation;
  return expand(template, stack[stack.length - 1]!.attrs, total, budget, add);
}
