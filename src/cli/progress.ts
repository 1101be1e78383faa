/**
 * Progress on stderr, only for a person watching a terminal: a spinner when stderr is a TTY and the
 * user did not ask for --quiet; nothing at all for pipes and cron.
 */
import ora, { type Ora } from 'ora';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const spinner: Ora = ora({ stream: process.stderr, text: 'Reading inputs…' }).start();
  let last = 0;
  return {
    update(text) {
      // Repainting costs; a few times a second is plenty for a person.
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      spinner.text = text;
    },
    stop() {
      spinner.stop();
    },
  };
}
