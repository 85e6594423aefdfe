// The base64 check of lib/sources/base64.ts accepts exactly what the strict regex it replaced accepted.
// That regex overflowed the stack on a few megabytes, as the property tests found: the constructs that
// check base64 are given a few megabytes in test/access (docker-registry-access, azure-blob-configuration).
import * as fc from 'fast-check';
import { decodeBase64Bytes } from '../../lib/sources/base64';
import { params } from '../fuzz';

describe('decodeBase64Bytes', () => {
  test('accepts exactly what the strict regex it replaced accepts', () => {
    // GIVEN the strict regex of padded base64 WHEN any short text of base64 and near-base64 characters is checked
    const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    // THEN the check and the regex agree
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '/', '=', '-', '_', ' ', '\n'), maxLength: 14 }), text => {
      expect(decodeBase64Bytes(text) !== undefined).toBe(strict.test(text));
    }), params(2000));
  });
});
