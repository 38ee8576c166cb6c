/** Prints every error under a heading and exits with code 2 (bad configuration or input; docs/operations.md "Errors"). */
export function exitWithErrors(heading: string, errors: readonly string[]): never {
  console.error(`${heading}:\n  ${errors.join('\n  ')}`);
  process.exit(2);
}

/** Parses a TCP port argument or exits with a usage error naming the flag. */
export function parsePort(text: string, flag = '--port'): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) exitWithErrors('invalid arguments', [`${flag} ${JSON.stringify(text)} is not a port; allowed: 0-65535`]);
  return port;
}

/** Checks a flag's value against its allowed values or exits with a usage error. */
export function parseChoice<T extends string>(text: string, flag: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  return exitWithErrors('invalid arguments', [`${flag} ${JSON.stringify(text)} is not allowed; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`]);
}

/** Resolves after SIGINT/SIGTERM once `close` has finished (graceful stop). */
export function waitForShutdown(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      close().then(resolve, (e: unknown) => {
        console.error('shutdown failed:', e);
        process.exitCode = 1;
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
