import { createDiffEngine, phoenixRuleSet, phoenixSameText } from '../../../src/shadow';

const asset = {
  objectType: 'KalturaMediaAsset',
  id: 480001,
  name: 'The Electric Harbour',
  mediaFiles: [
    { id: 2, url: 'https://cdn.example/p/3197/sig/AbCdEfGhIjKlMnOpQrStUvWxYz012345/a.m3u8?token=1' },
    { id: 1, url: 'https://cdn.example/p/3197/b.mpd' },
  ],
  images: [{ ratio: '16:9', url: 'https://img.example/1.jpg' }],
  updateDate: 1765000000,
};
const envelope = (executionTime: number, result: unknown): string => JSON.stringify({ executionTime, result });

const engine = createDiffEngine({ rules: phoenixRuleSet, sameText: phoenixSameText });
const walking = createDiffEngine({ rules: phoenixRuleSet });

describe('phoenixSameText', () => {
  it('ignores only a leading executionTime member', () => {
    expect(phoenixSameText('{"executionTime":0.012,"result":1}', '{"result":1}')).toBe(true);
    expect(phoenixSameText('{"executionTime":1e-5,"result":1}', '{"executionTime":0,"result":1}')).toBe(true);
    expect(phoenixSameText('{"result":1}', '{"result":1}')).toBe(true);
    expect(phoenixSameText('{"executionTime":0.012,"result":1}', '{"result":2}')).toBe(false);
    expect(phoenixSameText('{"executionTime":0.012,"result":1}', '{"result":1} ')).toBe(false);
    expect(phoenixSameText('{"result":{"executionTime":3}}', '{"result":{}}')).toBe(false);
    expect(phoenixSameText('not json', 'not json')).toBe(true);
    // A text that is no object is never the tail of an envelope.
    expect(phoenixSameText('"result":1}', '{"executionTime":0,"result":1}')).toBe(false);
    expect(phoenixSameText('{"executionTime":0,"result":1}', '"result":1}')).toBe(false);
  });
});

describe('diff settled by text', () => {
  it('finds nothing when the texts differ only in executionTime, without parsing either answer', () => {
    const parse = jest.spyOn(JSON, 'parse');
    const diff = engine.diff(envelope(0.009, asset), envelope(0, asset), 'asset.get');
    expect(diff.differences).toEqual([]);
    expect(diff.truncated).toBe(false);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // The lifted answers are still there for whoever reads them (contract checks, samples).
    expect((diff.primary.value as { result: { id: number } }).result.id).toBe(480001);
    expect(diff.candidate.parsed).toBe(true);
  });

  it('keys a multirequest slot without executionTime like a whole envelope', () => {
    const slot = JSON.stringify({ result: asset });
    expect(engine.diff({ json: { result: asset }, text: slot }, { json: { executionTime: 0, result: asset }, text: envelope(0, asset) }).differences).toEqual([]);
  });

  it('walks the answers when the texts differ anywhere else, finding what the walk alone finds', () => {
    const cases: [string, string][] = [
      [envelope(0.001, asset), envelope(0, { ...asset, name: 'the electric harbour' })],
      [envelope(0.001, asset), envelope(0, { ...asset, mediaFiles: [...asset.mediaFiles].reverse() })],
      [envelope(0.001, asset), envelope(0, { ...asset, updateDate: asset.updateDate + 1 })],
      [envelope(0.001, asset), envelope(0, { ...asset, id: '480001' })],
      [envelope(0.001, asset), '<html>bad gateway</html>'],
      ['{"executionTime":1,"result":[]}', '{"result":[],"executionTime":0}'],
    ];
    for (const [primary, candidate] of cases) {
      const parsed = JSON.parse(candidate.startsWith('{') ? candidate : '{}') as unknown;
      const fromText = engine.diff(primary, candidate, 'asset.get').differences;
      expect(fromText).toEqual(walking.diff(primary, candidate, 'asset.get').differences);
      if (candidate.startsWith('{')) expect(engine.diff(primary, { json: parsed, text: candidate }, 'asset.get').differences).toEqual(fromText);
    }
    expect(engine.diff(envelope(0.001, asset), envelope(0, { ...asset, name: 'x' })).differences.map((d) => d.pointer)).toEqual(['/result/name']);
  });

  it('settles equal texts without a text key too, and bytes always walk', () => {
    const text = envelope(0.5, asset);
    expect(walking.diff(text, text).differences).toEqual([]);
    expect(walking.diff(Buffer.from(text), Buffer.from(envelope(0, asset))).differences).toEqual([]);
    expect(walking.diff(text, envelope(0, asset)).differences).toEqual([]);
  });
});
