/** Writes a report to standard output or, atomically, to a file. */
import { rename, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { describeFsError } from '../io/read-inputs.js';

export async function writeOutput(text: string, file: string | undefined): Promise<void> {
  if (file === undefined) {
    await writeStdout(text);
    return;
  }
  // A cron job reading the file never sees half a report.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
