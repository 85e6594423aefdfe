// Property-based tests of PipelinesApiAccess's token settings: whatever expirationSeconds and audience a
// caller gives (any JavaScript value), the construct either projects a token with exactly those settings,
// within what the API server accepts, or throws one AccessError that names the field and leaves nothing.
import * as fc from 'fast-check';
import { PipelinesApiAccess } from '../../lib';
import { buildOrReject, hostileText, params, timeout } from '../fuzz';

describe('PipelinesApiAccess props', () => {
  const expirationSeconds = fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -600, 599, 600, 600.5, 7200, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, 1e308, Number.MIN_VALUE),
    fc.integer({ min: -1e6, max: 2 ** 33 }),
    fc.double(),
    fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }),
  );
  const audience = fc.oneof(fc.constantFrom('pipelines.kubeflow.org', 'https://kubernetes.default.svc', 'kfp.example.com'), hostileText(40), fc.anything());

  test('the token settings as given, or one AccessError that leaves nothing', () => {
    fc.assert(fc.property(fc.option(expirationSeconds, { nil: undefined }), fc.option(audience, { nil: undefined }), (seconds, aud) => {
      const outcome = buildOrReject(chart => new PipelinesApiAccess(chart, 'access-ml-pipeline', { expirationSeconds: seconds as number, audience: aud as string }), []);
      if (!outcome.ok) {
        expect(outcome.error.message).toMatch(/^\[test\/access-ml-pipeline\] (expirationSeconds|audience): /);
        return;
      }
      const [podDefault] = outcome.manifests;
      expect(outcome.manifests).toHaveLength(1);
      const projected = podDefault.spec.volumes[0].projected.sources[0].serviceAccountToken;
      expect(projected).toEqual({ path: 'token', expirationSeconds: seconds ?? 7200, audience: aud ?? 'pipelines.kubeflow.org' });
      expect(Number.isInteger(projected.expirationSeconds) && projected.expirationSeconds >= 600 && projected.expirationSeconds <= 2 ** 32).toBe(true);
      expect(projected.audience).toMatch(/^[^\s\u0000-\u001f\u007f]+$/);
    }), params());
  }, timeout(100));
});
