import type { PinLevel, PinType } from '../../core/catalog';

/** Reads one stored PIN of the caller at a level (the caller's user or household). */
export type PinLookup = (level: PinLevel, type: PinType) => string | undefined;

/** The PIN that applies and where it was set. */
export interface EffectivePin {
  readonly level: PinLevel;
  readonly pin: string;
}

/**
 * The PIN that applies (docs/lab-rules.md "PINs"): asked by user, the user's own PIN, else the
 * household's; asked by household, the household's. Undefined when none is set (no account-level
 * default in the lab).
 */
export function resolvePin(lookup: PinLookup, by: PinLevel, type: PinType): EffectivePin | undefined {
  const levels: readonly PinLevel[] = by === 'user' ? ['user', 'household'] : ['household'];
  for (const level of levels) {
    const pin = lookup(level, type);
    if (pin !== undefined) return { level, pin };
  }
  return undefined;
}
