// The test-only models of KServe's controller and the Pipelines launcher reproduce those tools' own test
// vectors, transcribed from their repositories (test/fixtures/kserve, test/fixtures/kfp): the agreement
// tests decode what the consumer constructs write with these models, so they must read as the tools do.
import { readFileSync } from 'fs';
import * as YAML from 'yaml';
import { fixture } from '../support';
import { buildS3EnvVars } from './kserve-model';
import { decodeProviders, getStoreSessionInfo } from './kfp-launcher-model';

describe('the KServe model reproduces BuildS3EnvVars of kserve v0.20.0', () => {
  const vectors = JSON.parse(readFileSync(fixture('kserve/build-s3-env-vars.json'), 'utf8'));

  test('holds every scenario of the upstream test', () => {
    expect(vectors.scenarios).toHaveLength(12);
  });

  test.each<[string, any]>(vectors.scenarios.map((s: any) => [s.name, s]))('%s', (_name, scenario) => {
    // GIVEN the scenario's annotations, Secret data and config
    const data = scenario.secretData === undefined ? undefined
      : Object.fromEntries(Object.entries<string>(scenario.secretData).map(([k, v]) => [k, Buffer.from(v)]));
    // WHEN / THEN the model builds KServe's expected env, in its order
    expect(buildS3EnvVars(scenario.annotations ?? {}, data, scenario.config ?? {})).toEqual(scenario.expected);
  });
});

describe('the launcher model reproduces GetStoreSessionInfo of kubeflow/pipelines 2.17.0', () => {
  const cases = JSON.parse(readFileSync(fixture('kfp/session-info-cases.json'), 'utf8')).cases;
  const providers = Object.fromEntries(YAML.parse(readFileSync(fixture('kfp/provider_cases.yaml'), 'utf8')).cases.map((c: any) => [c.name, c.value]));

  test('holds every case of the upstream test', () => {
    expect(cases).toHaveLength(28);
  });

  test.each<[string, any]>(cases.map((c: any) => [c.msg, c]))('%s', (_msg, c) => {
    // GIVEN the ConfigMap data of the case
    const data = c.testDataCase === null ? undefined : { providers: providers[c.testDataCase] };
    // WHEN / THEN the model gives the launcher's session, or its error
    if (c.shouldError) {
      expect(() => getStoreSessionInfo(data, c.pipelineRoot)).toThrow(c.errorMsg ?? '');
    } else {
      expect(getStoreSessionInfo(data, c.pipelineRoot)).toEqual(c.expected);
    }
  });

  test('field names match case-insensitively, as encoding/json matches them, and the model says which did', () => {
    // GIVEN upstream's case6, which writes `overrides` for the field tagged `Overrides`
    const { inexactKeys } = decodeProviders(providers.case6);
    // THEN
    expect(inexactKeys).toEqual(['providers.gs.overrides', 'providers.minio.overrides', 'providers.s3.overrides']);
  });

  test('a value of the wrong type fails as json.Unmarshal fails, YAML 1.1 booleans included', () => {
    expect(() => decodeProviders('s3:\n  default:\n    disableSSL: "true"\n')).toThrow('cannot unmarshal string into Go struct field providers.s3.default.disableSSL of type bool');
    expect(() => decodeProviders('s3:\n  default:\n    region: on\n')).toThrow('cannot unmarshal boolean into Go struct field providers.s3.default.region of type string');
  });
});
