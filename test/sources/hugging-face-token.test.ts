import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { HuggingFaceToken, SecretStoreRef } from '../../lib';
import { AccessError } from '../../lib/errors';

const FAKE_TOKEN = 'hf_fakeTokenForTestsOnly0000000000';
const dir = mkdtempSync(path.join(tmpdir(), 'hf-token-'));

/** The library's error of `create`'s resolution, checked to hold no token. */
function problemOf(token: HuggingFaceToken): string {
  try {
    token._resolve();
  } catch (e) {
    expect(AccessError.isAccessError(e)).toBe(true);
    expect((e as Error).message).not.toContain(FAKE_TOKEN);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('HuggingFaceToken', () => {
  test('from a value, from HF_TOKEN, and from the token file without its last line break', () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, `${FAKE_TOKEN}\n`);
    for (const token of [HuggingFaceToken.fromValue(FAKE_TOKEN), HuggingFaceToken.fromEnv({ HF_TOKEN: FAKE_TOKEN }), HuggingFaceToken.fromFile(file)]) {
      expect(token._resolve()).toEqual({ kind: 'content', token: FAKE_TOKEN });
    }
  });

  test('fromEnv copies the variables when it is called: a later change does not count', () => {
    const env = { HF_TOKEN: FAKE_TOKEN };
    const token = HuggingFaceToken.fromEnv(env);
    env.HF_TOKEN = 'hf_other';
    expect(token._resolve()).toEqual({ kind: 'content', token: FAKE_TOKEN });
  });

  test('from a secret store: the input HF_TOKEN, read from the remote value', () => {
    const token = HuggingFaceToken.fromSecretStore({ store: SecretStoreRef.namespaced('hub'), token: { key: 'kubeflow/hf', property: 'token' } });
    expect(token._resolve()).toEqual({
      kind: 'store',
      reference: { store: SecretStoreRef.namespaced('hub'), refreshInterval: '1h' },
      input: { secretKey: 'HF_TOKEN', remote: { key: 'kubeflow/hf', property: 'token', version: undefined } },
    });
  });

  test.each<[string, HuggingFaceToken, string]>([
    ['an empty value', HuggingFaceToken.fromValue(''), 'the token is empty: give a non-empty value'],
    ['a value with a space', HuggingFaceToken.fromValue(`${FAKE_TOKEN} x`), 'the token contains whitespace, which no key or token does: check what was pasted'],
    ['no HF_TOKEN', HuggingFaceToken.fromEnv({}), 'HF_TOKEN is not set: export it, or use HuggingFaceToken.fromValue'],
    ['an empty HF_TOKEN', HuggingFaceToken.fromEnv({ HF_TOKEN: '' }), 'HF_TOKEN is empty: give a non-empty value'],
    ['a remote value without a key', HuggingFaceToken.fromSecretStore({ store: SecretStoreRef.cluster('vault'), token: { key: '' } }),
      'token.key is empty: give the key the store keeps the value under'],
  ])('%s is refused without the token in the message', (_name, token, message) => {
    expect(problemOf(token)).toBe(message);
  });
});
