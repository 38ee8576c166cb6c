import { checkSyncHistory, type HistoryInput } from '../../support/sync-history-check';

const clean: HistoryInput = {
  acked: [{ key: 'b1', value: '10' }, { key: 'b1', value: '20' }, { key: 'f1', value: 'present' }, { key: 'f1', value: 'absent' }, { key: 'f2', value: 'present' }],
  vendor: [['b1', '20'], ['f2', 'present']],
  platform: [['f2', 'present'], ['b1', '20']],
  feedCaptured: ['f2'],
  platformDirectKeys: new Set(['f2']),
};

describe('sync history checker', () => {
  it('passes a clean history', () => {
    expect(checkSyncHistory(clean)).toEqual({ lost: [], divergent: [], duplicated: [], echoes: [] });
  });

  it('reports planted losses, duplicates and echoes exactly', () => {
    const planted: HistoryInput = {
      ...clean,
      vendor: [['b1', '10'], ['f2', 'present'], ['f1', 'present']],
      platform: [['f2', 'present'], ['f2', 'present'], ['b1', '20']],
      feedCaptured: ['f2', 'b1', 'b1'],
    };
    expect(checkSyncHistory(planted)).toEqual({ lost: ['b1', 'f1'], divergent: ['b1', 'f1'], duplicated: ['f2'], echoes: ['b1'] });
  });

  it('counts a write lost on both sides once', () => {
    expect(checkSyncHistory({ ...clean, vendor: [['f2', 'present']], platform: [['f2', 'present']] }).lost).toEqual(['b1']);
  });
});
