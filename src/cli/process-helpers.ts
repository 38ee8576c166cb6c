/** Parses a TCP port argument or exits with a usage error. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${text}`);
    process.exit(2);
  }
  return port;
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
