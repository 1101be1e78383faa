/** Writes a report to standard output or, atomically, to a file. */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
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
 * A cron job reading the file never sees half a report: the text goes to a temporary file in the same
 * folder, is flushed to disk and renamed over the target, so the path holds the old file or the whole new
 * one, even when the run is killed midway. The temporary name is unpredictable and created exclusively
 * (never through a link someone planted), and removed when anything fails.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw outputError(file, error);
  }
}

/** "cannot write out/report.txt: the folder out does not exist", with what to do about it. */
function outputError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = path.dirname(file) || '.';
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new UsageError(`cannot write ${file}: the folder ${folder} does not exist`, `create it first (mkdir -p ${folder})`);
  if (code === 'EACCES' || code === 'EPERM')
    return new UsageError(`cannot write ${file}: permission denied in ${folder}`, 'choose a folder this user can write to');
  if (code === 'EROFS') return new UsageError(`cannot write ${file}: ${folder} is on a read-only file system`, 'choose a writable folder');
  if (code === 'EISDIR') return new UsageError(`cannot write ${file}: it is a folder`);
  if (code === 'ENOSPC') return new UsageError(`cannot write ${file}: the disk is full`);
  return new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
}

/**
 * Checks, before any input is read, that `file` can be written: its folder exists and takes a new file
 * (tried for real, so a read-only mount fails here too, not only missing permissions). A cron job with a
 * wrong output path fails at once instead of after the whole audit.
 */
export async function checkWritable(file: string): Promise<void> {
  const probe = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.probe`);
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    throw outputError(file, error);
  }
  await unlink(probe).catch(() => {});
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
