import pino from 'pino';
import { REDACTED, redactText } from './redact-text';
import { redactValue } from './redact-value';

export { REDACTED, redactText } from './redact-text';

/** pino's levels plus `silent`, which writes nothing at all. */
export type LogLevel = pino.LevelWithSilent;

/** The logger understudy passes around. */
export type FacadeLogger = pino.Logger;

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where JSON lines go; stdout when absent. */
  readonly destination?: pino.DestinationStream;
}

/** Structured fields removed whole wherever they are logged (docs/architecture.md §4 "Observability and admin"). */
export const REDACTED_PATHS: readonly string[] = [
  'ks', '*.ks',
  'password', '*.password',
  'refreshToken', '*.refreshToken',
  'token', '*.token',
  'accessToken', '*.accessToken',
  'req.headers.authorization', 'headers.authorization', '*.authorization',
  'req.headers.cookie', 'headers.cookie',
  'udid', '*.udid',
];

/** Fields that carry free text, kept but with secrets inside them masked. */
export const TEXT_REDACTED_PATHS: readonly string[] = ['url', '*.url', 'err.message', 'err.stack'];

const textKeys = new Set(TEXT_REDACTED_PATHS.map((p) => p.split('.').pop()));

/** Text fields keep their value with secrets masked; every other redacted path loses its value. */
function censorField(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1];
  return typeof value === 'string' && textKeys.has(key) ? redactText(value) : REDACTED;
}

/** Creates a JSON logger that redacts secrets before anything is written. */
export function createLogger(options: LoggerOptions): FacadeLogger {
  const config: pino.LoggerOptions = {
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED_PATHS, ...TEXT_REDACTED_PATHS], censor: censorField },
    hooks: {
      // Messages are free text too: mask string arguments before pino formats them.
      logMethod(args, method) {
        const masked = args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg));
        method.apply(this, masked as Parameters<pino.LogFn>);
      },
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** One change made through the admin API: who made it and what changed — never a secret. */
export interface ChangeRecord {
  readonly who: string;
  readonly what: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Logs an admin change at `info` with the `admin_change` event, secrets masked. */
export function logChange(logger: FacadeLogger, change: ChangeRecord): void {
  logger.info(
    {
      event: 'admin_change',
      who: redactText(change.who),
      what: redactText(change.what),
      before: redactValue(change.before),
      after: redactValue(change.after),
    },
    'admin change',
  );
}
