/** Deterministic simulated devices for the bucketing tests: the same seed gives the same fleet. */

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedDevice {
  readonly udid: string;
  readonly householdId?: number;
}

/** `count` devices: about two thirds logged in (a household id), the rest anonymous with a udid. */
export function simulateDevices(count: number, seed: number): SimulatedDevice[] {
  const random = seededRandom(seed);
  const devices: SimulatedDevice[] = [];
  const usedHouseholds = new Set<number>();
  for (let i = 0; i < count; i++) {
    const udid = `${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}-stb-${i}`;
    if (random() < 2 / 3) {
      let householdId = 100000 + Math.floor(random() * 900000000);
      while (usedHouseholds.has(householdId)) householdId++;
      usedHouseholds.add(householdId);
      devices.push({ udid, householdId });
    } else {
      devices.push({ udid });
    }
  }
  return devices;
}
