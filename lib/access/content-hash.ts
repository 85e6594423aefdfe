// The content hash kustomize's secretGenerator appends to a Secret's name, so that new credentials
// get a new Secret and reach new notebooks while running ones keep the Secret they started with.
// Checked against `kubectl kustomize` (kubectl 1.32, kustomize 5.5) in test/access/content-hash.test.ts, live and recorded.
import { createHash } from 'crypto';

const KUSTOMIZE_LETTERS: Record<string, string> = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };

/** kustomize (kyaml's encodeBase64) writes a Secret value in lines of this many base64 characters. */
const KUSTOMIZE_BASE64_LINE = 70;

/**
 * kustomize's hash of a Secret: sha256 of the JSON `{"data","kind","name","type"}` (keys sorted, as Go
 * writes a map), its first 10 hex digits with the letters kustomize swaps to avoid words.
 *
 * kustomize hashes the generated Secret before it has a name, so `name` is always empty, and
 * `immutable` is not part of the hash. Each value is hashed as kustomize holds it: base64 in lines of
 * 70 characters, each ended by a newline once there are two or more.
 *
 * @param type the Secret's type
 * @param data the Secret's data: standard base64 on one line per key
 */
export function secretContentHash(type: string, data: { [key: string]: string }): string {
  const sortedData: Record<string, string> = {};
  for (const key of Object.keys(data).sort()) { sortedData[key] = kustomizeBase64Lines(data[key]); }
  const encoded = JSON.stringify({ data: sortedData, kind: 'Secret', name: '', type });
  const hex = createHash('sha256').update(encoded).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, c => KUSTOMIZE_LETTERS[c]);
}

/**
 * kyaml counts `length / 70 + 1` lines and ends every line with a newline when that count is above
 * one, so a value of 70 characters or more ends with a newline too.
 */
function kustomizeBase64Lines(base64: string): string {
  if (base64.length < KUSTOMIZE_BASE64_LINE) { return base64; }
  let lines = '';
  for (let i = 0; i < base64.length; i += KUSTOMIZE_BASE64_LINE) {
    lines += `${base64.slice(i, i + KUSTOMIZE_BASE64_LINE)}\n`;
  }
  return lines;
}
