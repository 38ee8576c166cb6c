/**
 * Applies recording and series-recording changes (docs/sync.md "Entities"): each side numbers its
 * recordings itself, so a change is applied against the side's own list — find the household's
 * recording of the programme, then only the writes still missing (`planRecordingSteps`). Repeating
 * a change is therefore harmless. Other entities go to the wrapped applier unchanged.
 */
import { planRecordingSteps } from '../sync/entities-recordings';
import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import { withEntityApplier } from './sync-entity-applier';
import type { SyncChange } from '../sync/sync-types';
import type { DvrSide, DvrStepResult } from './sync-dvr-sides';

const isDvr = (change: SyncChange): boolean => change.entity === 'recording' || change.entity === 'seriesRecording';

function failedOf(result: Extract<DvrStepResult, { kind: 'failed' }>): ApplyOutcome {
  return { kind: 'failed', retryable: result.retryable, error: result.error };
}

async function applyRecording(side: DvrSide, change: SyncChange): Promise<ApplyOutcome> {
  const current = await side.findRecording(change);
  let id = current?.id;
  for (const step of planRecordingSteps(current, change)) {
    const result = await side.runRecording(change, step, id);
    if (result.kind === 'failed') return failedOf(result);
    if (step === 'add') id = result.id ?? (await side.findRecording(change))?.id;
  }
  return { kind: 'applied' };
}

async function applySeries(side: DvrSide, change: SyncChange): Promise<ApplyOutcome> {
  const id = await side.findSeries(change);
  const wanted = change.op === 'delete' ? (id === undefined ? undefined : 'delete') : id === undefined ? 'add' : undefined;
  if (wanted === undefined) return { kind: 'applied' };
  const result = await side.runSeries(change, wanted, id);
  return result.kind === 'failed' ? failedOf(result) : { kind: 'applied' };
}

async function applyDvr(side: DvrSide, change: SyncChange): Promise<ApplyOutcome> {
  try {
    return await (change.entity === 'recording' ? applyRecording(side, change) : applySeries(side, change));
  } catch (error) {
    return { kind: 'failed', retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Wraps a side's applier so recordings are applied against that side's own list. */
export function withDvrApplier(inner: SideApplier, side: DvrSide): SideApplier {
  return withEntityApplier(inner, isDvr, (change) => applyDvr(side, change));
}
