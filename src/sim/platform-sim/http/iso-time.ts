/** ISO 8601 UTC without milliseconds (`2026-11-18T12:00:00Z`), the platform's timestamp format. */
export function toIso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
