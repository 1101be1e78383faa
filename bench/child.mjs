// Runs the CLI in this process and reports its own peak memory, for bench/run.mjs.
import { main } from '../dist/cli/main.js';

const started = performance.now();
const code = await main(['node', 'second-impression', ...process.argv.slice(2)]);
process.stderr.write(`${JSON.stringify({ bench: true, wallMs: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
