// What the library relies on in cdk8s beyond its public API (lib/cdk8s-internals.ts and
// lib/check/synthesis-pass.ts). These fail when a cdk8s upgrade changes it.
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { hasJsonPatches } from '../../lib/check/cdk8s-internals';
import { isRepeatedPass } from '../../lib/check/synthesis-pass';

describe('ApiObject keeps its JSON patches in the private array `patches`', () => {
  test('hasJsonPatches sees a patch, and only then', () => {
    // GIVEN two objects, one patched
    const chart = Testing.chart();
    const plain = new ApiObject(chart, 'plain', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' } });
    const patched = new ApiObject(chart, 'patched', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' } });
    patched.addJsonPatch(JsonPatch.replace('/metadata/name', 'b'));

    // THEN the field is an array, and the patch shows
    expect(Array.isArray((plain as any).patches)).toBe(true);
    expect([hasJsonPatches(plain), hasJsonPatches(patched)]).toEqual([false, true]);
  });
});

describe('cdk8s validates once per synthesis, then once per chart from _synthChart inside App.synth / synthYaml', () => {
  function record(app: App): boolean[] {
    const passes: boolean[] = [];
    app.node.addValidation({ validate: () => { passes.push(isRepeatedPass()); return []; } });
    return passes;
  }

  test.each([
    ['synthYaml', (app: App) => app.synthYaml()],
    ['synth', (app: App) => app.synth()],
  ])('app.%s: the first pass is new, the K per-chart passes are repeats', (_, synth) => {
    // GIVEN an app with three charts
    const app = Testing.app({ outdir: require('os').tmpdir() + '/synthesis-pass-' + process.pid });
    ['a', 'b', 'c'].forEach(id => new ApiObject(new Chart(app, id), 'o', { apiVersion: 'v1', kind: 'ConfigMap' }));
    const passes = record(app);

    // WHEN synthesised
    synth(app);

    // THEN
    expect(passes).toEqual([false, true, true, true]);
  });

  test('Testing.synth(chart) and chart.toJson() are single new passes', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    const passes = record(app);
    Testing.synth(chart);
    chart.toJson();
    expect(passes).toEqual([false, false]);
  });
});
