/**
 * A progress bar on stderr for long CLI runs (replay, media migrate): drawn only on a TTY and never in
 * CI, at most every 100 ms, with the last step always drawn and ended by a newline.
 */
export function createProgressBar(unit = ''): ((done: number, total: number) => void) | undefined {
  if (process.stderr.isTTY !== true || process.env.CI !== undefined) return undefined;
  let last = 0;
  return (done, total) => {
    const at = Date.now();
    if (done !== total && at - last < 100) return;
    last = at;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${unit}${done === total ? '\n' : ''}`);
  };
}
