/**
 * Checks the schema cannot express, run on the merged layers even when the schema found errors, so
 * an operator sees every problem in one go (docs/operations.md "Errors").
 */
import { layerOf, type ConfigLayers } from './describe-config-errors';

type Plain = Record<string, unknown>;

const section = (merged: Plain, name: string): Plain => {
  const value = merged[name];
  return typeof value === 'object' && value !== null ? (value as Plain) : {};
};

/** Every semantic problem of the merged configuration, in the common error style. */
export function checkConfigSemantics(merged: Plain, layers: ConfigLayers): string[] {
  const errors: string[] = [];
  const server = section(merged, 'server');
  if (typeof server.port === 'number' && server.port !== 0 && server.adminPort === server.port) {
    errors.push(`/server/adminPort must differ from /server/port (both ${server.port}) (from ${layerOf(layers, ['server', 'adminPort'])})`);
  }
  const delay = server.drainDelayMs;
  const grace = server.drainGraceMs;
  if (typeof delay === 'number' && typeof grace === 'number' && delay + grace > 300_000) {
    errors.push(`/server/drainDelayMs + /server/drainGraceMs must be at most 300000 (a stop that slow outlives any orchestrator's kill timeout) (from ${layerOf(layers, ['server', 'drainDelayMs'])})`);
  }
  const store = section(merged, 'store');
  if (typeof server.workers === 'number' && server.workers > 1 && store.driver !== 'postgres') {
    errors.push(`/server/workers ${server.workers} needs /store/driver postgres: every worker shares state through the store, and PGlite lives inside one process (from ${layerOf(layers, ['server', 'workers'])})`);
  }
  return errors;
}
