/**
 * The lift stage: an answer as bytes or text becomes a JSON value the structural diff walks.
 * Text that is not JSON lifts to a marker value, so two unparseable answers of equal text still
 * compare equal and one unparseable answer shows up as a `type` difference at the root.
 */

/** A lifted answer: the value to diff, and whether it had to be marked as unparseable. */
export interface LiftedAnswer {
  readonly value: unknown;
  readonly parsed: boolean;
}

/** An answer body: text, bytes, or an already parsed value (with the text it was sent as, when known). */
export type AnswerBody = string | Uint8Array | { readonly json: unknown; readonly text?: string };

/** Lifts an answer body (text, bytes or an already parsed value). */
export function liftAnswer(body: AnswerBody): LiftedAnswer {
  if (typeof body === 'object' && !(body instanceof Uint8Array)) return { value: body.json, parsed: true };
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    return { value: JSON.parse(text) as unknown, parsed: true };
  } catch {
    return { value: { unparseable: text.length > 200 ? `${text.slice(0, 200)}…` : text }, parsed: false };
  }
}

/** The answer's text when it has one at hand (no serialising, no decoding of bytes). */
export function textOf(body: AnswerBody): string | undefined {
  if (typeof body === 'string') return body;
  return body instanceof Uint8Array ? undefined : body.text;
}

/**
 * An answer lifted on first read. A class, not an object literal with getters: with the literal
 * (new getter closures per object) each sample's answers outlived the next scavenges and were
 * promoted, ~0.9 MB per scavenge at 1,000 samples/s (bench/README.md "Shadow mode", fifth pass) —
 * most likely because each such object gets a hidden class of its own, in the old generation,
 * which keeps its closures and the answer text alive until a full collection.
 */
class LazilyLifted implements LiftedAnswer {
  private lifted: LiftedAnswer | undefined;

  constructor(private readonly body: AnswerBody) {}

  get value(): unknown {
    return (this.lifted ??= liftAnswer(this.body)).value;
  }

  get parsed(): boolean {
    return (this.lifted ??= liftAnswer(this.body)).parsed;
  }
}

/** Lifts on first read: an answer whose diff was settled by its text is never parsed unless asked. */
export function liftLazily(body: AnswerBody): LiftedAnswer {
  return new LazilyLifted(body);
}
