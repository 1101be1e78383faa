// Runs the CLI in this process and reports its own wall time, CPU time and peak memory, for bench/run.mjs.
// CPU time (user + system) is reported beside the wall time: when other processes share the cores, it moves
// much less than the wall time does.
import { main } from '../dist/cli/main.js';

const started = performance.now();
const cpuBefore = process.cpuUsage();
const code = await main(['node', 'second-impression', ...process.argv.slice(2)]);
const cpu = process.cpuUsage(cpuBefore);
process.stderr.write(
  `${JSON.stringify({ bench: true, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
);
process.exitCode = code;
