/**
 * The recording format (docs/recording.md): one JSON object per line (NDJSON), one exchange per
 * line, already redacted. Requests are kept in the canonical form replay sends and matches on
 * (path + merged parameters), never as raw bytes, so nothing the redaction did not see is written.
 */

/** Version of the line format; bump on any incompatible change (readers refuse other versions). */
export const recordingFormatVersion = 1;

/** How the facade answered the request (the routing decision as the listener saw it). */
export interface RecordedRouting {
  /** `passthrough`: forwarded whole to the vendor; `executed`: run here call by call. */
  readonly kind: 'passthrough' | 'executed';
  readonly target: 'vendor' | 'platform';
  readonly outcome: string;
}

/** One sub-call of a multirequest: its slot and operation id. */
export interface RecordedSubCall {
  readonly index: number;
  readonly operation: string;
}

/** One recorded exchange (one line of a recording file). */
export interface RecordedExchange {
  readonly v: typeof recordingFormatVersion;
  /** Sequence number within the recording, from 1. */
  readonly seq: number;
  /** Start of the request, epoch milliseconds (facade clock). */
  readonly at: number;
  readonly durationMs: number;
  /** Operation id (`asset.get`), `multirequest`, or `invalid`. */
  readonly operation: string;
  /** Pseudonym of the household / session the call belongs to (replay keeps order per key). */
  readonly orderKey: string;
  readonly request: {
    readonly method: string;
    /** Canonical path: `/api_v3/service/{service}/action/{action}` (version prefix kept). */
    readonly path: string;
    /** Merged query, path and body parameters, redacted; null when the request did not parse. */
    readonly params: Readonly<Record<string, unknown>> | null;
    readonly bodyBytes: number;
  };
  readonly response: {
    readonly status: number;
    readonly contentType: string;
    /** Parsed JSON body, redacted; for non-JSON bodies `{ "text": … }` (redacted), `null` when empty. */
    readonly body: unknown;
    /** Location header of a redirect (playManifest), redacted. */
    readonly location?: string;
    readonly bodyBytes: number;
  };
  readonly routing: RecordedRouting;
  readonly subCalls?: readonly RecordedSubCall[];
}

/** Reads one NDJSON line into an exchange, or says why it is not one. */
export function parseRecordedLine(line: string): { ok: true; exchange: RecordedExchange } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const candidate = value as Partial<RecordedExchange> | null;
  if (candidate === null || typeof candidate !== 'object') return { ok: false, error: 'not an object' };
  if (candidate.v !== recordingFormatVersion) return { ok: false, error: `format version ${String(candidate.v)} (this understudy reads ${recordingFormatVersion})` };
  if (typeof candidate.request?.path !== 'string' || typeof candidate.operation !== 'string' || typeof candidate.at !== 'number') return { ok: false, error: 'missing request.path, operation or at' };
  return { ok: true, exchange: candidate as RecordedExchange };
}
