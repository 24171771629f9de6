/** CPU time and memory of processes on Linux, from /proc: what the load bench reports per component. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Fields of /proc/PID/stat after the command name (which may hold spaces): [state, ppid, …]. */
function statFields(pid: number): string[] | undefined {
  const text = read(`/proc/${pid}/stat`);
  return text?.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** User plus system CPU seconds a process has used. */
export function cpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLK_TCK : undefined;
}

export function rssBytes(pid: number): number | undefined {
  const match = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : undefined;
}

function allPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Processes whose command name is `name` (e.g. every PostgreSQL backend). */
export function pidsNamed(name: string): number[] {
  return allPids().filter((pid) => read(`/proc/${pid}/comm`)?.trim() === name);
}

/** A process and its children (nginx's master and workers). */
export function withChildren(pid: number): number[] {
  return [pid, ...allPids().filter((p) => statFields(p)?.[1] === String(pid))];
}

/** Busy and total CPU seconds of the whole machine (all cores). */
function machineSeconds(): { busy: number; total: number } {
  const line = (read('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}

export type Usage = { cpuPercent: number; peakRssMb: number };

/**
 * Samples named groups of processes every `intervalMs`: CPU as a percentage of one core (averaged
 * over the sampling) and the peak resident memory of the group. Processes that come and go between
 * samples (PostgreSQL backends) count from the first sample they appear in.
 */
export class Sampler {
  private readonly last = new Map<string, Map<number, number>>();
  private readonly cpu = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = 0;
  private machineStart = machineSeconds();

  constructor(private readonly groups: Record<string, () => number[]>) {}

  start(intervalMs = 1_000): void {
    this.started = performance.now();
    this.machineStart = machineSeconds();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    for (const [group, pids] of Object.entries(this.groups)) {
      const previous = this.last.get(group) ?? new Map<number, number>();
      const current = new Map<number, number>();
      let rss = 0;
      for (const pid of pids()) {
        const seconds = cpuSeconds(pid);
        if (seconds === undefined) continue;
        current.set(pid, seconds);
        const before = previous.get(pid);
        if (before !== undefined) this.cpu.set(group, (this.cpu.get(group) ?? 0) + (seconds - before));
        rss += rssBytes(pid) ?? 0;
      }
      this.last.set(group, current);
      this.peak.set(group, Math.max(this.peak.get(group) ?? 0, rss));
    }
  }

  /** Per group, and the whole machine's busy share of all its cores. */
  stop(): { groups: Record<string, Usage>; machineBusyPercent: number; cores: number } {
    clearInterval(this.timer);
    this.sample();
    const elapsed = (performance.now() - this.started) / 1000;
    const groups: Record<string, Usage> = {};
    for (const group of Object.keys(this.groups)) {
      groups[group] = { cpuPercent: ((this.cpu.get(group) ?? 0) / elapsed) * 100, peakRssMb: (this.peak.get(group) ?? 0) / 2 ** 20 };
    }
    const end = machineSeconds();
    const machineBusyPercent = ((end.busy - this.machineStart.busy) / Math.max(1e-9, end.total - this.machineStart.total)) * 100;
    return { groups, machineBusyPercent, cores: Math.round((end.total - this.machineStart.total) / elapsed) || 1 };
  }
}
