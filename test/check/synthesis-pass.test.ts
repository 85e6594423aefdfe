// What the check relies on in how cdk8s orders a synthesis (lib/check/synthesis-pass.ts). These fail
// when a cdk8s upgrade changes it.
import { ApiObject, App, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { PodDefaultValidation } from '../../lib/check/pod-default-validation';
import { isRepeatedPass } from '../../lib/check/synthesis-pass';
import { errorsOf } from '../support';

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

describe('the boundary of what the check assumes: rendering renders the same objects the same way every time', () => {
  /** A PodDefault `name` of namespace team-a selected by its own label. */
  const podDefault = (name: string) => ({
    apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name, namespace: 'team-a' },
    spec: { desc: name, selector: { matchLabels: { [name]: 'true' } } },
  });

  test('a producer that renames another chart\'s object only when cdk8s renders it is judged as the synthesis began; the next synthesis judges it as it is', () => {
    // GIVEN chart a, whose ConfigMap's producer, on its second call (cdk8s's rendering, after the check's),
    // renames the PodDefault of chart b to clash with chart c's by a JSON patch
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const chartA = new Chart(app, 'a');
    const renamed = new ApiObject(new Chart(app, 'b'), 'pd', podDefault('one'));
    new ApiObject(new Chart(app, 'c'), 'pd', podDefault('two'));
    let calls = 0;
    new ApiObject(chartA, 'cm', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' },
      data: { note: Lazy.any({ produce: () => { if (++calls === 2) { renamed.addJsonPatch(JsonPatch.replace('/metadata/name', 'two')); } return 'x'; } }) },
    });

    // WHEN synthesised
    const yaml = app.synthYaml();

    // THEN the check judged the app before the change and let it through: the output holds two PodDefaults named two
    expect(yaml.match(/name: two\n/g)).toHaveLength(2);

    // AND the next synthesis judges the app as the producer left it
    expect(errorsOf(() => app.synthYaml())).toEqual([
      'b/pd and c/pd are both PodDefault two (api group kubeflow.org) in namespace team-a: applying them, one overwrites the other; give them different names or namespaces',
    ]);
  });
});
