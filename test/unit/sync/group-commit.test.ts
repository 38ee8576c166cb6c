import { createGroupCommit } from '../../../src/sync/group-commit';

/** A flush whose statements finish when the test says so; records every statement's groups. */
function controlledFlush(fail: (group: string[]) => boolean = () => false) {
  const statements: string[][][] = [];
  const finishers: (() => void)[] = [];
  const flush = (groups: readonly string[][]): Promise<number[]> => {
    statements.push([...groups]);
    return new Promise((resolve, reject) => {
      finishers.push(() => (groups.some(fail) ? reject(new Error('bad row')) : resolve(groups.map((g) => g.length))));
    });
  };
  const finishNext = async (): Promise<void> => {
    finishers.shift()!();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { statements, flush, finishNext };
}

const options = { sizeOf: (group: string[]) => group.length, maxInFlight: 1, maxRows: 4, maxWaitingRows: 8 };

describe('group commit of captures', () => {
  it('commits an idle caller at once, and callers arriving meanwhile together in the next statement', async () => {
    const f = controlledFlush();
    const commit = createGroupCommit({ ...options, flush: f.flush });
    const first = commit(['a']);
    expect(f.statements).toEqual([[['a']]]);
    const later = [commit(['b']), commit(['c', 'd']), commit(['e'])];
    expect(f.statements).toHaveLength(1);
    await f.finishNext();
    expect(await first).toBe(1);
    expect(f.statements[1]).toEqual([['b'], ['c', 'd'], ['e']]);
    await f.finishNext();
    expect(await Promise.all(later)).toEqual([1, 2, 1]);
  });

  it('keeps a statement under maxRows without splitting a caller', async () => {
    const f = controlledFlush();
    const commit = createGroupCommit({ ...options, flush: f.flush });
    const all = [commit(['a']), commit(['b', 'c', 'd']), commit(['e', 'f']), commit(['g'])];
    await f.finishNext();
    expect(f.statements[1]).toEqual([['b', 'c', 'd']]);
    await f.finishNext();
    expect(f.statements[2]).toEqual([['e', 'f'], ['g']]);
    await f.finishNext();
    expect(await Promise.all(all)).toEqual([1, 3, 2, 1]);
  });

  it('a failing statement is retried caller by caller: only the bad caller fails', async () => {
    const f = controlledFlush((group) => group.includes('bad'));
    const commit = createGroupCommit({ ...options, flush: f.flush });
    const first = commit(['a']);
    const good = commit(['b']);
    const bad = commit(['bad']);
    await f.finishNext();
    await f.finishNext();
    expect(f.statements.slice(2)).toEqual([[['b']], [['bad']]]);
    await f.finishNext();
    await f.finishNext();
    expect(await first).toBe(1);
    expect(await good).toBe(1);
    await expect(bad).rejects.toThrow('bad row');
  });

  it('stays bounded: beyond maxWaitingRows a caller is committed on its own at once', async () => {
    const f = controlledFlush();
    const commit = createGroupCommit({ ...options, flush: f.flush });
    const pending = [commit(['a']), commit(['b', 'c', 'd', 'e']), commit(['f', 'g', 'h', 'i']), commit(['j'])];
    expect(f.statements).toEqual([[['a']], [['j']]]);
    for (let i = 0; i < 4; i++) await f.finishNext();
    expect(await Promise.all(pending)).toEqual([1, 4, 4, 1]);
  });
});
