// Reading the files that sources such as DockerConfig.fromFile name, with errors a user can act on.
import { readFileSync } from 'fs';
import { AccessError } from './errors';
import { quote } from './names';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of the file at `path`, and their text; throws an AccessError naming the path, never the content. */
export function readTextFile(path: string): { bytes: Buffer; text: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist'
      : code === 'EISDIR' ? 'is a directory, not a file'
        : code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)'
          : `cannot be read (${code ?? 'unknown error'})`;
    throw new AccessError(`file ${quote(path)} ${why}: give the path of a readable file`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new AccessError(`file ${quote(path)} is not UTF-8 text: save it as UTF-8`);
  }
  return { bytes, text };
}
