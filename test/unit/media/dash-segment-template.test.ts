import { listManifestReferences } from '../../../src/media/manifest-references';
import { parseIsoDuration } from '../../../src/media/dash-segment-template';

const mpd = (body: string, duration = 'PT12S'): string =>
  `<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="${duration}">\n<Period id="0">${body}</Period>\n</MPD>`;

describe('DASH SegmentTemplate names', () => {
  it('expands $RepresentationID$ and $Number%03d$ over duration, for every Representation of the AdaptationSet', () => {
    const text = mpd(`<AdaptationSet mimeType="video/mp4">
      <SegmentTemplate media="$RepresentationID$-$Number%03d$.m4s" initialization="$RepresentationID$-init.mp4" startNumber="1" duration="4" timescale="1"/>
      <Representation id="v0" bandwidth="800000"/>
      <Representation id="v1" bandwidth="1600000"></Representation>
    </AdaptationSet>`);
    expect(listManifestReferences('dash', text, 100)).toEqual({ ok: true, value: ['v0-init.mp4', 'v0-001.m4s', 'v0-002.m4s', 'v0-003.m4s', 'v1-init.mp4', 'v1-001.m4s', 'v1-002.m4s', 'v1-003.m4s'] });
  });

  it('rounds the last partial segment up and takes the Period duration over the presentation', () => {
    const text = `<MPD mediaPresentationDuration="PT1H"><Period duration="PT10S"><AdaptationSet><Representation id="a" bandwidth="1"><SegmentTemplate media="s$Number$_$Bandwidth$.m4s" duration="4000" timescale="1000" startNumber="0"/></Representation></AdaptationSet></Period></MPD>`;
    expect(listManifestReferences('dash', text, 100)).toEqual({ ok: true, value: ['s0_1.m4s', 's1_1.m4s', 's2_1.m4s'] });
  });

  it('follows a SegmentTimeline with $Time$ and $Number$, and merges a Representation template over its AdaptationSet', () => {
    const text = mpd(`<AdaptationSet>
      <SegmentTemplate media="t$Time$-n$Number$.m4s" timescale="1000"><SegmentTimeline><S t="100" d="4000" r="2"/><S d="2000"/></SegmentTimeline></SegmentTemplate>
      <Representation id="a"><SegmentTemplate initialization="init-a.mp4" startNumber="5"/></Representation>
    </AdaptationSet>`);
    expect(listManifestReferences('dash', text, 100)).toEqual({ ok: true, value: ['init-a.mp4', 't100-n5.m4s', 't4100-n6.m4s', 't8100-n7.m4s', 't12100-n8.m4s'] });
  });

  it.each([
    ['a path outside the folder', '<SegmentTemplate media="../$Number$.m4s" duration="4"/>', `manifest names "../1.m4s", outside the file's folder`],
    ['an identifier it cannot fill', '<SegmentTemplate media="s$Foo$.m4s" duration="4"/>', 'DASH SegmentTemplate "s$Foo$.m4s" uses an identifier it cannot fill'],
    ['$Number$ in the initialization', '<SegmentTemplate initialization="i$Number$.mp4" media="s$Number$.m4s" duration="4"/>', 'DASH SegmentTemplate "i$Number$.mp4" uses an identifier it cannot fill'],
    ['an open-ended timeline', '<SegmentTemplate media="s$Time$.m4s"><SegmentTimeline><S t="0" d="4" r="-1"/></SegmentTimeline></SegmentTemplate>', 'DASH SegmentTimeline with an open-ended repeat (r="-1") is not supported'],
    ['a timeline entry without d', '<SegmentTemplate media="s$Time$.m4s"><SegmentTimeline><S t="0"/></SegmentTimeline></SegmentTemplate>', 'DASH SegmentTimeline entry without a valid d, r or t'],
    ['no duration at all', '<SegmentTemplate media="s$Number$.m4s"/>', 'DASH SegmentTemplate without a SegmentTimeline needs duration, timescale and a Period or presentation duration'],
  ])('refuses %s', (_name, template, error) => {
    expect(listManifestReferences('dash', mpd(`<AdaptationSet>${template}<Representation id="a"/></AdaptationSet>`), 100)).toEqual({ ok: false, error });
  });

  it('stops at the cap on a template implying a million segments, and on a timeline repeating a billion times', () => {
    const byDuration = mpd('<AdaptationSet><SegmentTemplate media="s$Number$.m4s" duration="1"/><Representation id="a"/></AdaptationSet>', 'PT1000000S');
    expect(listManifestReferences('dash', byDuration, 20_000)).toEqual({ ok: false, error: 'manifest names more than 20000 objects' });
    const sameName = mpd('<AdaptationSet><SegmentTemplate media="same.m4s"><SegmentTimeline><S t="0" d="1" r="1000000000"/></SegmentTimeline></SegmentTemplate><Representation id="a"/></AdaptationSet>');
    expect(listManifestReferences('dash', sameName, 20_000)).toEqual({ ok: false, error: 'manifest names more than 20000 objects' });
  });
});

describe('parseIsoDuration', () => {
  it.each([['PT12S', 12], ['PT1H2M3.5S', 3723.5], ['P1DT1S', 86401], ['PT', undefined], ['12', undefined]])('%s → %s', (text, seconds) => {
    expect(parseIsoDuration(text)).toBe(seconds);
  });
});
