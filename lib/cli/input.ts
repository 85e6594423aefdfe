// Reading what a flag names, a file or ("-") stdin: at most 1 MiB, as UTF-8 that is refused rather than
// repaired, so that a mistyped path such as /dev/zero or a binary file ends in one line, not in memory
// exhaustion or a credential with U+FFFD in it.
import { MAX_FILE_BYTES, readAtMost, whyUnreadable } from '../sources/source-file';
import { InputError, Io } from './framework';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where an input comes from: stdin, or a file named by a flag. */
export type InputSource = { readonly stdin: true } | { readonly file: string };

/** `-` as a file flag's value means stdin, as it does for kubectl and most Unix tools. */
export function inputSource(file: string): InputSource {
  return file === '-' ? { stdin: true } : { file };
}

/** Why an empty path (an unset shell variable, `--from-file "$CONFIG"`) is refused: readers say so, not "does not exist". */
export const EMPTY_PATH = 'is empty, as a shell variable that is not set gives';

/** Why more than 1 MiB is refused: every input read here becomes a Secret. */
const SECRET_LIMIT = 'more than a Kubernetes Secret holds: check what it names';

/**
 * The text of a credential input: a secret, a config.json, a credentials file or a key file. Messages
 * never quote the path: a credential given where a path goes (`--password-file "$TOKEN"`) looks like
 * any file name, and the flag (`label`) names the input already.
 */
export function readCredentialText(io: Io, source: InputSource, label: string): string {
  const what = 'stdin' in source ? 'stdin' : 'the file';
  return readInput(io, source, {
    unreadable: why => `${label}: the path ${why}: give the path of a readable file, or "-" and the content on stdin${why === EMPTY_PATH ? '' : '; the path is not shown, since it may be a credential given in its place'}`,
    problem: problem => `${label}: ${what} ${problem}`,
  });
}

function readInput(io: Io, source: InputSource,
  message: { unreadable: (why: string) => string; problem: (problem: string) => string }): string {
  let bytes: Buffer;
  if ('stdin' in source) {
    try {
      bytes = io.readStdin(MAX_FILE_BYTES + 1);
    } catch (e) {
      // Such as `< dir`: stdin is open, but not on anything that reads.
      throw new InputError(message.problem(whyUnreadable(e)));
    }
  } else {
    // `--from-file "$CONFIG"` with CONFIG unset: nothing to hide, and "does not exist" would not say why.
    if (source.file === '') { throw new InputError(message.unreadable(EMPTY_PATH)); }
    try {
      bytes = readAtMost(source.file, MAX_FILE_BYTES + 1);
    } catch (e) {
      throw new InputError(message.unreadable(whyUnreadable(e)));
    }
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(message.problem(`is larger than 1 MiB, ${SECRET_LIMIT}`));
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new InputError(message.problem('is not UTF-8 text: save it as UTF-8'));
  }
}

/** `read`, called at most once: stdin cannot be read twice. */
export function once<T>(read: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: read() };
    return result.value;
  };
}
