/**
 * Wiring of traffic recording (docs/recording.md): the recorder with its file sink, the facade tap
 * and the admin routes. Without `record.dir` nothing is tapped and the admin routes answer 409.
 */
import type { UnderstudyConfig } from '../config/config-types';
import { recordDefaults } from '../config/record-config';
import type { AdminFeatureRoutes } from '../http/admin-app';
import { recordAdminRoutes } from '../http/admin-record-routes';
import { createRecordTap, type FacadeTap } from '../http/record-tap';
import { createRecorder, type Recorder } from '../record/recorder';
import { openRecordFileSink } from './record-file-sink';

export interface ComposedRecording {
  readonly recorder: Recorder | null;
  readonly tap?: FacadeTap;
  readonly adminRoutes: AdminFeatureRoutes;
  /** Stops a running recording (written and closed); call on shutdown. */
  close(): Promise<void>;
}

/** Builds recording from `record.*`. */
export function composeRecording(config: UnderstudyConfig): ComposedRecording {
  const settings = { ...recordDefaults, ...config.record };
  const dir = settings.dir;
  if (dir === undefined) return { recorder: null, adminRoutes: recordAdminRoutes(null), close: () => Promise.resolve() };
  const recorder = createRecorder({
    sampleRate: settings.sampleRate,
    queueEntries: settings.queueEntries,
    queueBytes: settings.queueBytes,
    maxExchangeBytes: settings.maxExchangeBytes,
    redactPaths: settings.redactPaths,
    openSink: (id) => openRecordFileSink(dir, id, { maxFileBytes: settings.maxFileBytes, maxFiles: settings.maxFiles }),
  });
  if (settings.startOnBoot) recorder.start();
  return {
    recorder,
    tap: createRecordTap(recorder, settings.maxExchangeBytes),
    adminRoutes: recordAdminRoutes(recorder),
    close: async () => {
      await recorder.stop();
    },
  };
}
