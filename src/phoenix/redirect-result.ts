/** A successful playManifest answer: the HTTP layer turns it into a 302 (brief §1.6). */
export interface RedirectResult {
  readonly redirectTo: string;
}

/** True when an operation's value asks for a redirect instead of an envelope. */
export function isRedirectResult(value: unknown): value is RedirectResult {
  return typeof value === 'object' && value !== null && typeof (value as RedirectResult).redirectTo === 'string';
}
