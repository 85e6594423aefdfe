// External Secrets Operator on the command line: the store flags every generating command shares, and
// the one syntax of a remote value (`KEY[#PROPERTY][@VERSION]`) that each `--remote-...` flag takes.
import type { RemoteValue, SecretStoreOptions } from '..';
import { Args, given, OptionGroup, str, UsageError } from './framework';
import type { FlagNames, Library } from './synth';

/** The store flags, under one heading in every generating command's help. */
export const STORE_OPTIONS: OptionGroup = {
  heading: 'Secret store (External Secrets Operator: an ExternalSecret is printed in place of the Secret)',
  options: {
    'secret-store': { type: 'string', value: 'NAME', help: 'read the --remote-... values from this SecretStore in the namespace' },
    'cluster-secret-store': { type: 'string', value: 'NAME', help: 'read the --remote-... values from this ClusterSecretStore' },
    'refresh-interval': { type: 'string', value: 'DURATION', help: 'how often ESO reads the values again, a Go duration such as 15m or 1h30m; 0s reads them once (default: 1h)' },
  },
};

/** The paragraph of the help that explains a remote value. */
export const REMOTE_VALUE_HELP = 'A --remote-... flag names a value in the secret store as KEY[#PROPERTY][@VERSION]: the store\'s key, '
  + 'then the property of a JSON value after "#" (default: the whole value), then the version after "@" (default: the current one); '
  + 'write a "#", "@" or "\\" that belongs to a part as "\\#", "\\@" or "\\\\". '
  + 'Example: --remote-password \'kubeflow/registry#password@3\'. Remote values name where a secret is kept, not the secret, so they may be given as arguments.';

const STORE_FLAGS = ['secret-store', 'cluster-secret-store'];

/** The store the flags name, if any. */
export interface StoreFlags {
  /** The flag that named the store, for errors. */
  readonly flag: string;
  /** The store and refresh interval, as every `fromSecretStore` takes them. */
  readonly options: (lib: Library) => SecretStoreOptions;
}

/** The store of `--secret-store` or `--cluster-secret-store`; usage errors now, before anything is read. */
export function readStore(args: Args): StoreFlags | undefined {
  const found = given(args, STORE_FLAGS);
  if (found.length > 1) { throw new UsageError('--secret-store and --cluster-secret-store each name the store: give one of them'); }
  if (found.length === 0) {
    if (str(args, 'refresh-interval') !== undefined) {
      throw new UsageError('--refresh-interval does not apply without --secret-store or --cluster-secret-store');
    }
    return undefined;
  }
  const [flag] = found;
  const name = str(args, flag)!;
  const refreshInterval = str(args, 'refresh-interval');
  return {
    flag: `--${flag}`,
    options: lib => ({
      store: flag === 'secret-store' ? lib.SecretStoreRef.namespaced(name) : lib.SecretStoreRef.cluster(name),
      refreshInterval,
    }),
  };
}

/** The flags of the values of a store every `fromSecretStore` source checks, for its errors. */
export function storeValueFlags(store: StoreFlags | undefined): FlagNames {
  return store === undefined ? {} : { store: store.flag, refreshInterval: '--refresh-interval' };
}

/**
 * Throws a usage error when `--secret-store` or `--cluster-secret-store` names a store that no source
 * reads from; `remoteFlags` are the flags that would.
 */
export function checkStoreUsed(args: Args, used: boolean, remoteFlags: readonly string[]): void {
  const store = readStore(args);
  if (store !== undefined && !used) {
    throw new UsageError(`${store.flag} does not apply without a remote value: give one of ${remoteFlags.map(f => `--${f}`).join(', ')}`);
  }
}

/** The flags of `options` that name a remote value. */
export function remoteFlags(options: { readonly [flag: string]: unknown }): string[] {
  return Object.keys(options).filter(flag => /(^|-)remote-/.test(flag));
}

/** The remote value of `flag`, checked for syntax; undefined when the flag is not given. */
export function remoteValue(args: Args, flag: string, store: StoreFlags | undefined): RemoteValue | undefined {
  const text = str(args, flag);
  if (text === undefined) { return undefined; }
  if (store === undefined) {
    throw new UsageError(`--${flag} needs the store it reads from: add --secret-store NAME or --cluster-secret-store NAME`);
  }
  return parseRemoteValue(text, `--${flag}`);
}

/**
 * `KEY[#PROPERTY][@VERSION]`, where `\` escapes the next `#`, `@` or `\`. A separator with nothing
 * after it is refused: it is a typo, not an empty property or version.
 */
export function parseRemoteValue(text: string, flag: string): RemoteValue {
  const parts: string[] = [''];
  const separators: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '#' && next !== '@' && next !== '\\') {
        throw new UsageError(`${flag}: "\\" escapes only "#", "@" and "\\" in KEY[#PROPERTY][@VERSION]: write a lone "\\" as "\\\\"`);
      }
      parts[parts.length - 1] += next;
      i++;
    } else if (c === '#' || c === '@') {
      if (separators.includes(c) || (c === '#' && separators.includes('@'))) {
        throw new UsageError(`${flag}: a second "${c}", or "#" after "@", in KEY[#PROPERTY][@VERSION]: escape it as "\\${c}" if it belongs to the ${c === '#' ? 'property' : 'version'}`);
      }
      separators.push(c);
      parts.push('');
    } else {
      parts[parts.length - 1] += c;
    }
  }
  const named = ['key', ...separators.map(s => s === '#' ? 'property' : 'version')];
  const empty = parts.findIndex(p => p === '');
  if (empty >= 0) {
    const fix = empty === 0 ? 'give the store\'s key' : `give it, or leave out its "${separators[empty - 1]}"`;
    throw new UsageError(`${flag}: the ${named[empty]} is empty in KEY[#PROPERTY][@VERSION]: ${fix}`);
  }
  const value: { key: string; property?: string; version?: string } = { key: parts[0] };
  separators.forEach((s, i) => { value[s === '#' ? 'property' : 'version'] = parts[i + 1]; });
  return value;
}
