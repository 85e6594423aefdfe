// The content hash kustomize's secretGenerator appends to a Secret's name, so that new credentials
// get a new Secret and reach new notebooks while running ones keep the Secret they started with.
import { createHash } from 'crypto';

const KUSTOMIZE_LETTERS: Record<string, string> = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };

/**
 * kustomize's hash of a Secret: sha256 of the JSON `{"data","kind","name","type"}` (keys sorted, as Go
 * writes a map), its first 10 hex digits with the letters kustomize swaps to avoid words.
 */
export function secretContentHash(name: string, type: string, data: { [key: string]: string }): string {
  const sortedData: Record<string, string> = {};
  for (const key of Object.keys(data).sort()) { sortedData[key] = data[key]; }
  const encoded = JSON.stringify({ data: sortedData, kind: 'Secret', name, type });
  const hex = createHash('sha256').update(encoded).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, c => KUSTOMIZE_LETTERS[c]);
}
