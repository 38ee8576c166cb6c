/** Reading recordings back in tests: every line of every part file of a recording. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecordedLine, type RecordedExchange } from '../../src/record/recording-format';

/** The whole text of a recording directory (all part files, in order). */
export function readRecordingText(folder: string): string {
  return readdirSync(folder).filter((f) => f.endsWith('.ndjson')).sort().map((f) => readFileSync(join(folder, f), 'utf8')).join('');
}

/** The exchanges of a recording directory; throws on a line that is not one. */
export function readRecordingExchanges(folder: string): RecordedExchange[] {
  return readRecordingText(folder)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed = parseRecordedLine(line);
      if (!parsed.ok) throw new Error(`bad recording line (${parsed.error}): ${line.slice(0, 200)}`);
      return parsed.exchange;
    });
}

/** Every form a secret may leak in: raw, URL-encoded, base64 (both alphabets). */
export function leakForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')])];
}

/**
 * The secrets found in `text` in any leak form or as any 12-character piece of one: every
 * 12-character window of every form goes into one set, then one pass over the text looks each of
 * its windows up (linear in the text, so a large recording is checked in about a second).
 */
export function findLeaks(text: string, secrets: readonly string[]): string[] {
  const windows = new Map<string, string>();
  const leaks = new Set<string>();
  for (const secret of secrets) {
    for (const form of leakForms(secret)) {
      if (form.length < 12 && text.includes(form)) leaks.add(secret);
      for (let i = 0; i + 12 <= form.length; i++) windows.set(form.slice(i, i + 12), secret);
    }
  }
  for (let i = 0; i + 12 <= text.length; i++) {
    const secret = windows.get(text.slice(i, i + 12));
    if (secret !== undefined) leaks.add(secret);
  }
  return [...leaks];
}
