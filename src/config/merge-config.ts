type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges configuration layers left to right; later layers win, `undefined` never overrides. */
export function mergeConfigLayers(...layers: readonly unknown[]): Plain {
  const out: Plain = {};
  for (const layer of layers) {
    if (!isPlain(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const current = out[key];
      out[key] = isPlain(value) && isPlain(current) ? mergeConfigLayers(current, value) : isPlain(value) ? mergeConfigLayers(value) : value;
    }
  }
  return out;
}
