import { countCandidateError, countNoiseSample, countSample, emptyOperationCounts, reportOperation, type Difference } from '../../src/shadow';
import { SqlMigrationStateStore } from '../../src/store/migration-state-store';
import { SqlParityStore } from '../../src/store/parity-store';
import type { ConformanceContext } from './store-conformance';

const name: Difference = { pointer: '/result/name', field: '/result/name', kind: 'value', primary: 'a', candidate: 'b' };

function delta(region: string, differing: number, identical: number) {
  const counts = emptyOperationCounts('asset.get', region);
  for (let i = 0; i < identical; i++) countSample(counts, { differences: [], primaryMs: 5, candidateMs: 7, contractChecked: true, candidateViolations: 1 });
  for (let i = 0; i < differing; i++) countSample(counts, { differences: [name], example: () => ({ differences: [name], primary: { n: region }, candidate: { n: 'x' }, atMs: 1 }) });
  countNoiseSample(counts, []);
  countCandidateError(counts);
  return counts;
}

/** Parity counts and migration states: deltas add up across instances; samples stay one per cluster. */
export function describeParityConformance(ctx: () => ConformanceContext): void {
  describe('parity store', () => {
    beforeEach(async () => {
      await ctx().sql.exec('TRUNCATE parity_counts, diff_samples, migration_states, migration_transitions RESTART IDENTITY');
    });

    it('adds deltas from several instances per operation, region and field, keeping the first sample of a cluster', async () => {
      const store = new SqlParityStore(ctx().sql);
      await store.addCounts([delta('eu', 2, 8)]);
      await store.addCounts([delta('eu', 1, 9), delta('us', 0, 4)]);
      const totals = await store.readCounts({ withSamples: true });
      const eu = totals.find((c) => c.region === 'eu')!;
      expect(eu).toMatchObject({ operation: 'asset.get', samples: 20, identical: 17, noiseSamples: 2, candidateErrors: 2, contractChecks: 17, candidateViolations: 17, latencyDeltaMsSum: 34 });
      expect(eu.fields.get('value /result/name')).toEqual({ field: '/result/name', kind: 'value', raw: 3, noise: 0, pointer: '/result/name' });
      const [cluster] = [...eu.clusters.values()];
      expect(cluster).toMatchObject({ count: 3, fields: ['value /result/name'], sample: { primary: { n: 'eu' } } });
      expect(reportOperation(eu).parityPercent).toBeCloseTo(85);
      expect(totals.find((c) => c.region === 'us')).toMatchObject({ samples: 4, identical: 4 });
      const withoutSamples = await store.readCounts({ operation: 'asset.get' });
      expect([...withoutSamples[0]!.clusters.values()][0]!.sample).toBeUndefined();
      expect(await store.readCounts({ operation: 'asset.list' })).toEqual([]);
    });

    it('keeps migration states and an audit trail', async () => {
      const states = new SqlMigrationStateStore(ctx().sql);
      const at = Date.UTC(2026, 0, 1);
      await states.save(
        { operation: 'asset.get', stage: 'canary', percent: 10, hold: false, reason: 'gates pass', changedAtMs: at },
        { operation: 'asset.get', from: { stage: 'shadow', percent: 0 }, to: { stage: 'canary', percent: 10 }, cause: 'promotion', reason: 'gates pass', actor: 'schedule', policyVersion: 4, atMs: at },
      );
      await states.save(
        { operation: 'asset.get', stage: 'shadow', percent: 0, hold: true, reason: 'parity', changedAtMs: at + 1000 },
        { operation: 'asset.get', from: { stage: 'canary', percent: 10 }, to: { stage: 'shadow', percent: 0 }, cause: 'rollback', reason: 'parity', actor: 'schedule', atMs: at + 1000 },
      );
      expect(await states.list()).toEqual([{ operation: 'asset.get', stage: 'shadow', percent: 0, hold: true, reason: 'parity', changedAtMs: at + 1000 }]);
      const trail = await states.listTransitions('asset.get', 10);
      expect(trail.map((t) => [t.cause, t.to.stage, t.policyVersion])).toEqual([
        ['rollback', 'shadow', undefined],
        ['promotion', 'canary', 4],
      ]);
    });
  });
}
