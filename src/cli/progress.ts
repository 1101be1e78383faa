/**
 * Progress on stderr, only for a person watching a terminal: a spinner when stderr is a TTY with a known
 * width and the user did not ask for --quiet; nothing at all for pipes and cron.
 */
import ora, { type Ora } from 'ora';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  const columns = process.stderr.columns ?? 0;
  // A pseudo-terminal that reports no width makes ora clear "infinitely many" wrapped lines.
  if (!enabled || !process.stderr.isTTY || columns < 20) return { update() {}, stop() {} };
  const fit = (text: string): string => (text.length > columns - 4 ? `${text.slice(0, columns - 5)}…` : text);
  const spinner: Ora = ora({ stream: process.stderr, text: fit('Reading inputs…') }).start();
  let last = 0;
  return {
    update(text) {
      // Repainting costs; a few times a second is plenty for a person.
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      spinner.text = fit(text);
    },
    stop() {
      spinner.stop();
    },
  };
}
