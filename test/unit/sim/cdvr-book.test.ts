/** The lab's cloud-DVR book (docs/lab-rules.md "Cloud DVR"): pure rules over the seed catalogue. */
import type { CatalogLiveChannel, CatalogProgram } from '../../../src/core/catalog';
import { buildCatalogIndex } from '../../../src/sim/catalog/catalog-index';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { addRecording, cancelRecording, createCdvrBook, deleteRecording, listRecordings, protectRecording, usedSeconds, householdBook } from '../../../src/sim/cdvr/cdvr-book';
import { cdvrSettings, judgeRecordable, phaseAt } from '../../../src/sim/cdvr/cdvr-lab-rules';
import { addSeriesRecording, deleteSeriesRecording } from '../../../src/sim/cdvr/series-book';

const catalog = loadCatalog();
const index = buildCatalogIndex(catalog);
const now = catalog.demo.baseTime;
const program = (id: number) => index.assetByVendorId.get(id) as CatalogProgram;
const channel = (id: number) => index.assetByVendorId.get(id) as CatalogLiveChannel;

describe('cDVR lab rules', () => {
  it('gives the status by the clock', () => {
    const p = program(900888); // Retro Hits, −20 … +45 min
    expect(phaseAt(p, p.startDate - 1)).toBe('SCHEDULED');
    expect(phaseAt(p, p.startDate)).toBe('RECORDING');
    expect(phaseAt(p, p.endDate)).toBe('RECORDED');
  });

  it('records only on cDVR channels, ended programmes only from the catch-up buffer', () => {
    expect(judgeRecordable(program(900022), channel(360001), now)).toBe('not_recordable');
    expect(judgeRecordable(program(900076), channel(360002), now)).toBe('catch_up_not_enabled');
    const ended = program(900603); // Toon Time, catch-up buffer 10080 min
    expect(judgeRecordable(ended, channel(360011), now)).toBeUndefined();
    expect(judgeRecordable(ended, channel(360011), ended.endDate + 10080 * 60 + 1)).toBe('catch_up_window_passed');
  });
});

describe('cDVR book', () => {
  it('answers the same programme with its recording and keeps within the quota', () => {
    const book = createCdvrBook();
    const first = addRecording(index, book, 'h', 900082, now);
    const again = addRecording(index, book, 'h', 900082, now);
    expect(first.ok && again.ok && again.value.view.recording.id === first.value.view.recording.id && !again.value.created).toBe(true);
    expect(addRecording(index, book, 'h', 900085, now).ok).toBe(true);
    expect(addRecording(index, book, 'h', 900786, now)).toEqual({ ok: false, error: 'quota_exceeded' });
    expect(usedSeconds(index, householdBook(book, 'h'))).toBe((105 + 110) * 60);
    expect(listRecordings(index, book, 'other', now)).toEqual([]);
  });

  it('cancels before, deletes and protects after the programme is recorded', () => {
    const book = createCdvrBook();
    const scheduled = addRecording(index, book, 'h', 900781, now);
    const recorded = addRecording(index, book, 'h', 900887, now);
    if (!scheduled.ok || !recorded.ok) throw new Error('setup');
    const [s, r] = [scheduled.value.view.recording.id, recorded.value.view.recording.id];
    expect(deleteRecording(index, book, 'h', s, now)).toEqual({ ok: false, error: 'invalid_status' });
    expect(protectRecording(index, book, 'h', s, now)).toEqual({ ok: false, error: 'invalid_status' });
    expect(cancelRecording(index, book, 'h', r, now)).toEqual({ ok: false, error: 'invalid_status' });
    const protectedOne = protectRecording(index, book, 'h', r, now);
    expect(protectedOne.ok && protectedOne.value.viewableUntilDate).toBe(now + cdvrSettings.protectionSeconds);
    const cancelled = cancelRecording(index, book, 'h', s, now);
    expect(cancelled.ok && cancelled.value.status).toBe('CANCELED');
    const deleted = deleteRecording(index, book, 'h', r, now);
    expect(deleted.ok && deleted.value.status).toBe('DELETED');
    expect(listRecordings(index, book, 'h', now)).toEqual([]);
  });

  it('records a series\' upcoming episodes while the quota lasts and deletes them with it', () => {
    const book = createCdvrBook();
    const series = addSeriesRecording(index, book, 'h', { programId: 900889, type: 'SERIES' }, now); // Unplugged: 65, 60, 90, 45 min
    expect(series.ok && series.value.seriesId).toBe('Unplugged');
    expect(listRecordings(index, book, 'h', now).map((v) => v.recording.programId)).toEqual([900889, 900904, 900909]);
    expect(addRecording(index, book, 'h', 900904, now)).toEqual({ ok: false, error: 'part_of_series' });
    expect(addSeriesRecording(index, book, 'h', { programId: 900909, type: 'SERIES' }, now)).toEqual({ ok: false, error: 'already_recorded' });
    if (!series.ok) throw new Error('setup');
    expect(deleteSeriesRecording(book, 'h', series.value.id)?.id).toBe(series.value.id);
    expect(listRecordings(index, book, 'h', now)).toEqual([]);
    expect(deleteSeriesRecording(book, 'h', series.value.id)).toBeUndefined();
  });
});
