// The fixtures' files by kind and the secret values each holds, for the tests that check that no
// message ever shows one (the leak scan, content given where a path goes).
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

const REPO = path.join(__dirname, '..', '..');
const FIXTURE_DIRS = [path.join(REPO, 'test', 'fixtures'), path.join(REPO, 'examples', 'fixtures')];
const UPSTREAM = path.join(REPO, 'test', 'fixtures', 'upstream');

/** Every fixture file, by kind, found by content so that new fixtures join the scan by themselves. */
export function fixtureFiles(): { docker: string[]; aws: string[]; gcp: string[]; azure: string[] } {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      // test/fixtures/upstream holds upstream projects' manifests, not credential files: their placeholders are
      // held out of the check's output by test/check/upstream-corpus.test.ts.
      if (entry.isDirectory()) { if (p !== UPSTREAM) { walk(p); } } else { files.push(p); }
    }
  };
  FIXTURE_DIRS.forEach(walk);
  const text = (f: string) => readFileSync(f, 'utf8');
  const distinct = (list: string[]) => list.filter((f, i) => list.findIndex(g => text(g) === text(f)) === i);
  return {
    docker: distinct(files.filter(f => text(f).includes('"auths"'))),
    aws: distinct(files.filter(f => /aws_secret_access_key/.test(text(f)))),
    gcp: distinct(files.filter(f => /"type":\s*"service_account"/.test(text(f)))),
    azure: distinct(files.filter(f => /^AZURE_STORAGE_/m.test(text(f)))),
  };
}

/** The credential values in a config.json: passwords, tokens, `auth` and the password inside it. */
export function dockerSecrets(text: string): string[] {
  const config = JSON.parse(text);
  return Object.values<any>(config.auths ?? {}).flatMap(entry => {
    const decoded = entry.auth ? Buffer.from(entry.auth, 'base64').toString() : undefined;
    return [entry.password, entry.auth, entry.identitytoken, entry.registrytoken, decoded?.slice(decoded.indexOf(':') + 1)];
  }).filter((s): s is string => typeof s === 'string' && s !== '');
}

/** The values of an AWS credentials file: key IDs, secret keys and tokens (key IDs too: they are not for logs either). */
export function awsSecrets(text: string): string[] {
  return [...text.matchAll(/^\s*aws_(?:access_key_id|secret_access_key|session_token)\s*=\s*(\S+)\s*$/gm)].map(m => m[1]);
}

/**
 * The values of a service-account key that no message may show: the private key and each line of its
 * PEM body (a message with one line of it leaks it), its ID, the account's e-mail address and client ID.
 */
export function gcpSecrets(text: string): string[] {
  const key = JSON.parse(text);
  const pemLines = String(key.private_key).split('\n').filter(line => line.length >= 16 && !line.startsWith('-----'));
  return [key.private_key, ...pemLines, key.private_key_id, key.client_email, key.client_id].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** The variables of an env file (NAME=value lines; the value runs to the end of the line). */
export function envVariables(text: string): { [name: string]: string } {
  return Object.fromEntries([...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(m => [m[1], m[2]]));
}

/** The credentials of an Azure env file: the key, the SAS token and its signature, the connection string and the key inside it. */
export function azureSecrets(text: string): string[] {
  const env = envVariables(text);
  const connection = env.AZURE_STORAGE_CONNECTION_STRING ?? '';
  return [env.AZURE_STORAGE_ACCOUNT_KEY, env.AZURE_STORAGE_SAS_TOKEN, /sig=([^&]+)/.exec(env.AZURE_STORAGE_SAS_TOKEN ?? '')?.[1],
    connection, /AccountKey=([^;]+)/.exec(connection)?.[1], /SharedAccessSignature=(.+?)(;|$)/.exec(connection)?.[1]]
    .filter((s): s is string => typeof s === 'string' && s !== '');
}
