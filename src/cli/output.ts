/** Writes a report to standard output or, atomically, to a file. */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError } from '../io/read-inputs.js';

export async function writeOutput(text: string, file: string | undefined): Promise<void> {
  if (file === undefined) {
    await writeStdout(text);
    return;
  }
  await writeFileAtomically(file, text);
}

/**
 * A cron job reading the file never sees half a report. The temporary name is unpredictable and created
 * exclusively (never through a link someone planted), and removed when anything fails.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
