// Base64 as Kubernetes Secrets and Docker's config.json use it: the standard alphabet with padding.

// One character class and the padding, with the length checked apart: a regex that repeats a group of
// four characters needs stack per group in V8 and throws a RangeError on a few megabytes of input.
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether `encoded` is strict standard base64: the alphabet, whole groups of four, padding at the end only. */
function isStrictBase64(encoded: string): boolean {
  return encoded.length % 4 === 0 && BASE64_CHARACTERS.test(encoded);
}

/** Standard base64 of the UTF-8 bytes of a string, or of raw bytes. */
export function encodeBase64(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64');
}

/** The UTF-8 text that strict standard base64 encodes, or undefined when `encoded` is not such base64. */
export function decodeBase64(encoded: string): string | undefined {
  if (!isStrictBase64(encoded)) { return undefined; }
  return Buffer.from(encoded, 'base64').toString('utf8');
}

/** The bytes that strict standard base64 encodes, or undefined when `encoded` is not such base64. */
export function decodeBase64Bytes(encoded: string): Buffer | undefined {
  return isStrictBase64(encoded) ? Buffer.from(encoded, 'base64') : undefined;
}
