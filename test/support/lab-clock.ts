import { OffsetClock } from '../../src/core/clock';
import { loadCatalogDemo } from '../../src/sim/catalog/load-catalog';

/** A clock standing still at the catalogue's base time (plus whatever a test advances it by). */
export function frozenLabClock(): OffsetClock {
  const baseMs = loadCatalogDemo().baseTime * 1000;
  return new OffsetClock({ nowMs: () => baseMs });
}
