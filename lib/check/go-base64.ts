// Base64 as the API server reads a Secret's `data`, which is `map[string][]byte`: its JSON decoder,
// sigs.k8s.io/json (a fork of encoding/json; internal/golang/encoding/json/decode.go, literalStore),
// decodes a string into a []byte with `base64.StdEncoding.Decode`, and refuses the object with Go's
// "illegal base64 data at input byte N" (encoding/base64 CorruptInputError) otherwise. Go's decoder
// (encoding/base64/base64.go, decodeQuantum) reads quanta of four characters of the standard alphabet:
// it skips '\r' and '\n' anywhere, requires the '=' padding of the last quantum, takes nothing after the
// padding but line breaks, and does not require the bits after the last byte to be zero (StdEncoding is
// not Strict). `goBase64Length` follows decodeQuantum step by step, offsets included, so that the check
// reports the byte Go reports; test/check/secret-data.test.ts compares both with kubectl's `base64decode`,
// which is that decoder.

/** Go's decodeMap for the standard alphabet, as a table of the ASCII codes that are base64 digits. */
const DIGIT = (() => {
  const table = new Uint8Array(128);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) { table[alphabet.charCodeAt(i)] = 1; }
  return table;
})();

const CR = 13;
const LF = 10;
const PAD = 61;

/**
 * How Go's `base64.StdEncoding` decodes `text`: the number of bytes it decodes to (`>= 0`), or, when Go
 * refuses it, `-1 - N`, where N is the byte offset of its "illegal base64 data at input byte N" (see
 * `goBase64ErrorOffset`). One pass over the string, allocating nothing. Go reads the UTF-8 bytes of the
 * string: every character before the one it stops at is ASCII, so N is also the index of the string.
 */
export function goBase64Length(text: string): number {
  const end = text.length;
  let si = 0;
  let bytes = 0;
  // Decode: one quantum after the other, until the input ends or a quantum fails.
  while (si < end) {
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === end) {
        // The input ends inside a quantum: with padding required, any but an empty one is refused.
        if (j === 0) { return bytes; }
        return -1 - (si - j);
      }
      const c = text.charCodeAt(si);
      si++;
      if (c < 128 && DIGIT[c] === 1) { continue; }
      if (c === LF || c === CR) {
        j--;
        continue;
      }
      if (c !== PAD) { return -1 - (si - 1); }
      // Padding: at the third or fourth place of a quantum only.
      if (j < 2) { return -1 - (si - 1); }
      if (j === 2) {
        // "==" is expected: the second '=' may come after line breaks.
        while (si < end && (text.charCodeAt(si) === LF || text.charCodeAt(si) === CR)) { si++; }
        if (si === end) { return -1 - end; }
        if (text.charCodeAt(si) !== PAD) { return -1 - (si - 1); }
        si++;
      }
      // Nothing but line breaks after the padding.
      while (si < end && (text.charCodeAt(si) === LF || text.charCodeAt(si) === CR)) { si++; }
      if (si < end) { return -1 - si; }
      dlen = j;
      break;
    }
    bytes += dlen - 1;
  }
  return bytes;
}

/** The byte offset Go reports for a result of `goBase64Length` below zero. */
export function goBase64ErrorOffset(result: number): number {
  return -1 - result;
}

/**
 * The bytes Go's `base64.StdEncoding` decodes `text` to, or `undefined` where Go refuses it. Node's
 * decoder, which skips what is not base64, gives Go's bytes for every string Go takes (line breaks
 * anywhere, bits after the last byte that are not zero).
 */
export function goBase64Decode(text: string): Buffer | undefined {
  return goBase64Length(text) < 0 ? undefined : Buffer.from(text, 'base64');
}
