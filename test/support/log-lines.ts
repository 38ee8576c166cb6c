/** A pino destination that keeps every JSON log line, for tests that check what was logged. */
export interface CapturedLog {
  write(line: string): void;
  readonly lines: Record<string, unknown>[];
  /** Lines whose `event` field equals `event`. */
  events(event: string): Record<string, unknown>[];
}

/** Creates an empty capture. */
export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  return {
    write(line) {
      for (const text of line.split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text) as Record<string, unknown>);
    },
    lines,
    events: (event) => lines.filter((l) => l.event === event),
  };
}
