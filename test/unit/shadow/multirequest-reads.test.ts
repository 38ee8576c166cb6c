import { shadowableReads, type SlotFacts } from '../../../src/shadow/multirequest-reads';

const read = (operationId: string, ...references: number[]): SlotFacts => ({ operationId, readOnly: true, issuesSession: false, references: new Set(references) });
const write = (operationId: string, ...references: number[]): SlotFacts => ({ operationId, readOnly: false, issuesSession: false, references: new Set(references) });
const login: SlotFacts = { operationId: 'ottuser.login', readOnly: false, issuesSession: true, references: new Set() };

describe('read sub-calls of a multirequest that writes', () => {
  it('shadows reads before the first write and reads of services the write cannot show', () => {
    expect(shadowableReads([login, read('favorite.list', 0), write('bookmark.add', 0), read('favorite.list', 0), read('bookmark.list'), read('assethistory.list'), read('asset.get')])).toEqual([false, true, false, true, false, false, false]);
  });

  it('never shadows a read that uses a write result through a token, directly or through another read', () => {
    expect(shadowableReads([write('favorite.add'), read('ottuser.get', 0), read('channel.get', 1)])).toEqual([false, false, false]);
    expect(shadowableReads([read('channel.get'), write('householddevice.add'), read('channel.get', 0)])).toEqual([true, false, true]);
  });

  it('after a write whose visible state is unknown, shadows no later read', () => {
    expect(shadowableReads([read('asset.get'), write('ottuser.update'), read('asset.get'), read('channel.get')])).toEqual([true, false, false, false]);
  });
});
