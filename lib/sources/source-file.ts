// Reading the files that sources such as DockerConfig.fromFile name, with errors a user can act on.
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { AccessError } from '../errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A Secret holds at most 1 MiB, so no file it stores can be larger; reading stops there. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Why a file could not be read, from the error `fs` threw: `does not exist`, `is a directory, not a file`, ... */
export function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist'
    : code === 'ENAMETOOLONG' ? 'is longer than a file name can be'
      : code === 'ERR_INVALID_ARG_VALUE' ? 'is not a file name (it holds a NUL character)'
        : code === 'EISDIR' ? 'is a directory, not a file'
          : code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)'
            : `cannot be read (${code ?? 'unknown error'})`;
}

/** How messages name a file a source read: never by its path (see readTextFile). */
export const READ_FILE = 'the file';

/**
 * The bytes of the file at `path`, and their text. An AccessError never quotes the path: a credential
 * given where a path goes (`DockerConfig.fromFile(json)`, `--password-file "$TOKEN"`) looks like any file
 * name, and the field that took the path names it already. `inMemory` is the factory that takes the
 * content itself, such as `DockerConfig.fromJson`.
 */
export function readTextFile(path: string, inMemory: string): { bytes: Buffer; text: string } {
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, MAX_FILE_BYTES + 1);
  } catch (e) {
    throw new AccessError(`the path ${whyUnreadable(e)}: give the path of a readable file (relative to the current directory), or the content itself to ${inMemory}; the path is not shown, since it may be a credential given in its place`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AccessError(`${READ_FILE} is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new AccessError(`${READ_FILE} is not UTF-8 text: save it as UTF-8`);
  }
  return { bytes, text };
}

/**
 * At most `limit` bytes of the file at `path`, or of file descriptor `fd` when a number is given: bounded,
 * so that a huge file or an endless device such as /dev/zero ends in an error, not in memory exhaustion.
 * The buffer grows as the bytes come, so that a large limit costs only what is read.
 */
export function readAtMost(path: string | number, limit: number): Buffer {
  const fd = typeof path === 'number' ? path : openSync(path, 'r');
  try {
    // A regular file says its size, which one read then fills; a pipe or device says 0.
    let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(FIRST_READ, fstatSync(fd).size + 1)));
    let length = 0;
    while (length < limit) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readRetrying(fd, buffer, length, buffer.length - length);
      if (n === 0) { break; }
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    if (typeof path !== 'number') { closeSync(fd); }
  }
}

/** The first buffer readAtMost reads into: a credential file fits in it. */
const FIRST_READ = 64 * 1024;

/** readSync, waiting while a non-blocking stdin (a terminal or pipe Node opened) has no data yet. */
function readRetrying(fd: number, buffer: Buffer, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') { return 0; }
      if (code !== 'EAGAIN') { throw e; }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
