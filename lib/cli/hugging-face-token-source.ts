// A Hugging Face token as flags: from stdin, a file, this environment, or a secret store.
import type { HuggingFaceToken } from '..';
import { Args, definedOnly, Io, oneOf, OptionSpec, secretReader } from './framework';
import { readStore, remoteValue, storeValueFlags } from './secret-store';
import type { SourceKind } from './sources';
import type { SourceInput } from './synth';

function hfTokenOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}token-stdin`]: { type: 'boolean', help: 'read the Hugging Face token from stdin (one trailing newline is removed)' },
    [`${p}token-file`]: { type: 'string', value: 'FILE', help: 'read the token from FILE, such as ~/.cache/huggingface/token (one trailing newline is removed)' },
    [`${p}from-env`]: { type: 'boolean', help: 'take the token from HF_TOKEN in this environment' },
    [`${p}remote-token`]: { type: 'string', value: 'REMOTE', help: 'the token, kept in the secret store' },
  };
}

/** The token the flags give. */
function hfTokenSource(args: Args, io: Io, p: string): SourceInput<HuggingFaceToken> {
  const source = oneOf(args, [`${p}token-stdin`, `${p}token-file`, `${p}from-env`, `${p}remote-token`], 'the Hugging Face token')!;
  const store = readStore(args);
  const remote = remoteValue(args, `${p}remote-token`, store);
  const token = source === `${p}token-stdin` || source === `${p}token-file` ? secretReader(args, io, `${p}token`, true)! : undefined;
  return {
    flag: token?.flag ?? `--${source}`,
    usesStore: remote !== undefined,
    valueFlags: { ...storeValueFlags(store), token: token?.flag ?? `--${source}` },
    hints: { 'HuggingFaceToken.fromValue': `--${p}token-stdin or --${p}token-file` },
    build: (lib, secret) => {
      if (remote !== undefined) { return lib.HuggingFaceToken.fromSecretStore({ ...store!.options(lib), token: remote }); }
      if (token !== undefined) { return lib.HuggingFaceToken.fromValue(secret(token)); }
      return lib.HuggingFaceToken.fromEnv(definedOnly(io.env));
    },
  };
}

export const HF_TOKEN_SOURCE: SourceKind<HuggingFaceToken> = { options: hfTokenOptions, read: hfTokenSource };
