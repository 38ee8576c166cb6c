import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (Linux USER_HZ, 100 on every common build). */
const ticksPerSecond = 100;

/** CPU seconds (user + system) a process has used so far, read from /proc. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command name: index 11 = utime, 12 = stime (stat(5) fields 14 and 15).
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Resident set size of a process in MiB, read from /proc. */
export function processRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * The whole host's CPU so far, from /proc/stat's first line (every core, in USER_HZ ticks): busy
 * (user, nice, system, irq, softirq, steal) and the total including idle and iowait.
 */
export function hostCpuTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}
