/**
 * Passthrough for requests that carry a synced write (docs/architecture.md §4 "Sync": capture includes writes
 * passed to the vendor untouched): the buffered passthrough (buffered-passthrough.ts) whose handler
 * hands the answer's text to `capture` and changes nothing, so the vendor's status, raw headers and
 * bytes are sent on unchanged only once the capture has committed. Reads never come here: they
 * keep the streaming pipe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBufferedPassthrough, type BufferedPassthroughOptions } from './buffered-passthrough';

/** Called with the answer's decoded text before the answer is sent; must not reject. */
export type CaptureAnswer = (answerText: string) => Promise<void>;

export interface CapturingPassthrough {
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, capture: CaptureAnswer): void;
  close(): Promise<void>;
}

/** Creates the capturing passthrough over the buffered one. */
export function createCapturingPassthrough(options: BufferedPassthroughOptions): CapturingPassthrough {
  const buffered = createBufferedPassthrough(options);
  return {
    forward: (req, res, body, capture) =>
      buffered.forward(req, res, body, async (answer) => {
        await capture(answer.text).catch(() => undefined);
        return undefined;
      }),
    close: () => buffered.close(),
  };
}
