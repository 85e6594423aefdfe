// Base64 as Kubernetes Secrets and Docker's config.json use it: the standard alphabet with padding.

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 of the UTF-8 bytes of a string, or of raw bytes. */
export function encodeBase64(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64');
}

/** The UTF-8 text that strict standard base64 encodes, or undefined when `encoded` is not such base64. */
export function decodeBase64(encoded: string): string | undefined {
  if (!STRICT_BASE64.test(encoded)) { return undefined; }
  return Buffer.from(encoded, 'base64').toString('utf8');
}

/** The bytes that strict standard base64 encodes, or undefined when `encoded` is not such base64. */
export function decodeBase64Bytes(encoded: string): Buffer | undefined {
  return STRICT_BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
}
