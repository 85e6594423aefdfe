// Azure Storage connection strings, checked as azure-storage-blob parses them
// (`_shared/base_client.py parse_connection_str`): split on ";", each part on its first "=".
import { credentialValueProblem } from './aws-credentials-ini';
import { decodeBase64Bytes } from './base64';
import { editDistance } from '../names';

/** The settings a connection string may hold, in their canonical casing. */
const SETTINGS = [
  'DefaultEndpointsProtocol', 'AccountName', 'AccountKey', 'SharedAccessSignature', 'EndpointSuffix',
  'BlobEndpoint', 'BlobSecondaryEndpoint', 'QueueEndpoint', 'QueueSecondaryEndpoint',
  'TableEndpoint', 'TableSecondaryEndpoint', 'FileEndpoint', 'FileSecondaryEndpoint',
];
const ENDPOINTS = SETTINGS.filter(s => s.endsWith('Endpoint'));
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const DNS_SUFFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/i;
/** A storage account key is 512 random bits. */
const ACCOUNT_KEY_BYTES = 64;

/** What is wrong with a storage account name, or undefined when nothing is. */
export function accountNameProblem(name: string): string | undefined {
  if (typeof name === 'string' && ACCOUNT_NAME.test(name)) { return undefined; }
  return 'is not a storage account name (3 to 24 lower-case letters and digits): give the account\'s name, not its URL';
}

/** What is wrong with a storage account key, or undefined when nothing is; never holds the key. */
export function accountKeyProblem(key: string): string | undefined {
  const problem = credentialValueProblem(key);
  if (problem !== undefined) { return problem; }
  if (decodeBase64Bytes(key)?.length !== ACCOUNT_KEY_BYTES) {
    return 'is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key';
  }
  return undefined;
}

/** What is wrong with a SAS token, or undefined when nothing is; never holds the token. */
export function sasTokenProblem(token: string): string | undefined {
  const problem = credentialValueProblem(token);
  if (problem !== undefined) { return problem; }
  if (/^[a-z]+:\/\//i.test(token)) { return 'is a URL, not a SAS token: give only the part after "?"'; }
  const query = new URLSearchParams(token.replace(/^\?/, ''));
  if (!query.has('sv') || !query.has('sig')) {
    return 'is not a SAS token (a query string with "sv=" and "sig="): copy the whole token';
  }
  return undefined;
}

/**
 * The settings of a connection string by canonical name, or the problem with it. A problem never holds
 * a value, nor a name that is not a plain word (a part without "=" or a mangled name may be a key).
 */
export function parseConnectionString(text: string): { settings: { [name: string]: string } } | { problem: string } {
  const problem = credentialValueProblem(text);
  if (problem !== undefined) {
    return { problem: /line break/.test(problem) ? 'contains a line break: write it on one line (the docs\' layout on several lines is for reading only)' : problem };
  }
  const settings: { [name: string]: string } = {};
  const parts = text.replace(/;+$/, '').split(';');
  for (let i = 0; i < parts.length; i++) {
    const at = parts[i].indexOf('=');
    if (at < 0) {
      return { problem: `part ${i + 1} has no "=" (an empty part from ";;" counts): write Name=value parts separated by ";"` };
    }
    const name = parts[i].slice(0, at);
    const canonical = SETTINGS.find(s => s.toLowerCase() === name.toLowerCase());
    if (canonical === undefined) {
      return { problem: `part ${i + 1} has ${unknownSettingName(name)}: check its spelling against ${SETTINGS.join(', ')}` };
    }
    if (canonical !== name) {
      return { problem: `writes ${canonical} in another letter case: older SDKs match the names case-sensitively; write ${canonical}` };
    }
    if (settings[canonical] !== undefined) { return { problem: `gives ${canonical} twice: give it once` }; }
    settings[canonical] = parts[i].slice(at + 1);
  }
  const settingProblem = connectionSettingsProblem(settings);
  return settingProblem === undefined ? { settings } : { problem: settingProblem };
}

/**
 * An unknown setting name for a message, never quoted (a word of letters can as well be a key or
 * signature pasted where a name belongs): a misspelling is named by the setting it is near.
 */
function unknownSettingName(name: string): string {
  if (!/^[A-Za-z]{1,40}$/.test(name)) { return 'a setting name that is not a word'; }
  const misspelt = SETTINGS.find(s => editDistance(s.toLowerCase(), name.toLowerCase()) <= 2);
  return misspelt === undefined ? 'an unknown setting name (not shown: it is no misspelling of a setting, so it may be a credential)'
    : `an unknown setting name (not shown), 1 or 2 letters from ${misspelt}`;
}

function connectionSettingsProblem(settings: { [name: string]: string }): string | undefined {
  const { AccountName, AccountKey, SharedAccessSignature, DefaultEndpointsProtocol, EndpointSuffix } = settings;
  if (AccountKey === undefined && SharedAccessSignature === undefined) {
    return 'has neither AccountKey nor SharedAccessSignature: copy a connection string with its credential from the Azure portal';
  }
  if (AccountKey !== undefined && SharedAccessSignature !== undefined) {
    return 'has both AccountKey and SharedAccessSignature, and SDKs use the key: keep one';
  }
  if (AccountName === undefined && (AccountKey !== undefined || settings.BlobEndpoint === undefined)) {
    return 'has no AccountName: add AccountName=<account>';
  }
  const checks: Array<[string, string | undefined, (value: string) => string | undefined]> = [
    ['AccountName', AccountName, accountNameProblem],
    ['AccountKey', AccountKey, accountKeyProblem],
    ['SharedAccessSignature', SharedAccessSignature, sasTokenProblem],
    ['DefaultEndpointsProtocol', DefaultEndpointsProtocol, protocolProblem],
    ['EndpointSuffix', EndpointSuffix, endpointSuffixProblem],
    ...ENDPOINTS.map((name): [string, string | undefined, (value: string) => string | undefined] => [name, settings[name], endpointProblem]),
  ];
  for (const [name, value, check] of checks) {
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) { return `${name} ${problem}`; }
  }
  return undefined;
}

function protocolProblem(protocol: string): string | undefined {
  return protocol === 'https' || protocol === 'http' ? undefined : 'is not "https" or "http": write DefaultEndpointsProtocol=https';
}

function endpointSuffixProblem(suffix: string): string | undefined {
  if (DNS_SUFFIX.test(suffix) && !/^(blob|queue|table|file|dfs)\./i.test(suffix)) { return undefined; }
  return 'is not a DNS suffix such as "core.windows.net" (no scheme, no leading ".", no service such as "blob."): fix it';
}

function endpointProblem(endpoint: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '') {
    return undefined;
  }
  return 'is not an http or https URL with a host: give the full URL, such as "https://<account>.blob.core.windows.net"';
}
