// What the check relies on in how cdk8s orders a synthesis (lib/check/synthesis-pass.ts). These fail
// when a cdk8s upgrade changes it.
import { readdirSync } from 'fs';
import { ApiObject, App, Chart, JsonPatch, Lazy, Testing, YamlOutputType } from 'cdk8s';
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

describe('an object added to the app during a synthesis is judged by the pass that meets it, not by the first pass\'s result', () => {
  /** A PodDefault `name` of namespace team-a selected by label `a`, setting env X to `value`. */
  const podDefault = (name: string, value: string) => ({
    apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name, namespace: 'team-a' },
    spec: { desc: name, selector: { matchLabels: { a: 'true' } }, env: [{ name: 'X', value }] },
  });
  const clash = 'env var X differs between poddefaults a (one/a) and late (one/late) in namespace team-a: the webhook refuses every notebook that selects both '
    + '(labelled a=true); make the two definitions identical or rename one';

  /** Adds to `chart` a validation that, the first time it runs, adds a PodDefault `late` that clashes with `a`. */
  function addLate(chart: Chart): void {
    chart.node.addValidation({
      validate: () => {
        if (chart.node.tryFindChild('late') === undefined) { new ApiObject(chart, 'late', podDefault('late', '2')); }
        return [];
      },
    });
  }

  /**
   * A ConfigMap `cm` in `chart` whose producer, on its second call (cdk8s's rendering of `chart`, after the
   * check's), adds to `target` a PodDefault `late` that clashes with `a`.
   */
  function producerAddingLate(chart: Chart, target: Chart): void {
    let calls = 0;
    new ApiObject(chart, 'cm', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' },
      data: { note: Lazy.any({ produce: () => { if (++calls === 2) { new ApiObject(target, 'late', podDefault('late', '2')); } return 'x'; } }) },
    });
  }

  /** A ConfigMap in `chart`, so that the check judges objects of more than one chart and each repeat walks its own. */
  function settings(chart: Chart): void {
    new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a' } });
  }

  test.each([
    ['synthYaml', YamlOutputType.FILE_PER_CHART, (app: App) => app.synthYaml()],
    ['synth, FILE_PER_APP', YamlOutputType.FILE_PER_APP, (app: App) => app.synth()],
    ['synth, FILE_PER_CHART', YamlOutputType.FILE_PER_CHART, (app: App) => app.synth()],
    ['synth, FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE, (app: App) => app.synth()],
  ])('%s: a PodDefault that a validation adds after the check ran is judged before it is written', (_, yamlOutputType, synth) => {
    // GIVEN an app whose chart has a validation that adds a PodDefault clashing with the chart's other one;
    // the check, on the App, runs before it in cdk8s's first pass
    const app = Testing.app({ yamlOutputType });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'one');
    new ApiObject(chart, 'a', podDefault('a', '1'));
    addLate(chart);

    // WHEN synthesised
    // THEN the clash is refused by the per-chart pass, which meets the new object, and nothing is written
    expect(errorsOf(() => synth(app))).toEqual([clash]);
    expect(readdirSync(app.outdir)).toEqual([]);
  });

  test('a PodDefault that a producer adds to a later chart while cdk8s renders an earlier one is judged before that chart is written', () => {
    // GIVEN chart one, whose ConfigMap's producer, on its second call (cdk8s's rendering of chart one, after
    // the check's), adds to chart two (which holds a ConfigMap, so that each repeat walks its own chart) a
    // PodDefault clashing with one's
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const one = new Chart(app, 'one');
    const two = new Chart(app, 'two');
    new ApiObject(one, 'a', podDefault('a', '1'));
    settings(two);
    producerAddingLate(one, two);

    // WHEN synthesised THEN the clash is refused: chart two's pass meets the new object
    expect(errorsOf(() => app.synthYaml())).toEqual([clash.replace('(one/late)', '(two/late)')]);
  });

  test('a repeat walks the chart cdk8s renders next, in its order: a chart that another depends on first', () => {
    // GIVEN chart one depending on chart two, so that cdk8s renders two first; two's ConfigMap's producer, on
    // cdk8s's rendering of two, adds to one a PodDefault clashing with one's
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const one = new Chart(app, 'one');
    const two = new Chart(app, 'two');
    one.addDependency(two);
    new ApiObject(one, 'a', podDefault('a', '1'));
    producerAddingLate(two, one);

    // WHEN synthesised THEN the clash is refused by the repeat that renders one, after two
    expect(errorsOf(() => app.synthYaml())).toEqual([clash]);
  });

  test('a repeat walks only the chart it renders; with a Chart of its own toJson, which need not be one repeat, it walks the app', () => {
    // GIVEN charts one, quiet and two, where quiet renders itself with a toJson of its own that renders nothing
    // (so cdk8s makes no repeat for it), and one's ConfigMap's producer, on cdk8s's rendering of one, adds to
    // two a PodDefault clashing with one's
    class Quiet extends Chart {
      public toJson(): any[] { return []; }
    }
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const one = new Chart(app, 'one');
    new Quiet(app, 'quiet');
    const two = new Chart(app, 'two');
    new ApiObject(one, 'a', podDefault('a', '1'));
    settings(two);
    producerAddingLate(one, two);

    // WHEN synthesised THEN the clash is refused all the same: the repeat that renders two is not the second
    // chart's, so the check walks the app
    expect(errorsOf(() => app.synthYaml())).toEqual([clash.replace('(one/late)', '(two/late)')]);
  });

  test.each([YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, YamlOutputType.FILE_PER_APP])(
    'a PodDefault that a producer adds to an earlier chart while the check renders a later one is judged by that pass (YamlOutputType %s)', yamlOutputType => {
      // GIVEN chart two, whose ConfigMap's producer, the first time it runs (the check's rendering), adds to chart one,
      // which the check has walked already, a PodDefault clashing with one's
      const app = Testing.app({ yamlOutputType });
      PodDefaultValidation.attach(app);
      const one = new Chart(app, 'one');
      const two = new Chart(app, 'two');
      new ApiObject(one, 'a', podDefault('a', '1'));
      new ApiObject(two, 'cm', {
        apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' },
        data: { note: Lazy.any({ produce: () => { if (one.node.tryFindChild('late') === undefined) { new ApiObject(one, 'late', podDefault('late', '2')); } return 'x'; } }) },
      });

      // WHEN synthesised THEN the clash is refused, and nothing is written
      expect(errorsOf(() => app.synth())).toEqual([clash]);
      expect(readdirSync(app.outdir)).toEqual([]);
    });

  test('an app whose rendering adds an object every time it runs is refused in words, naming one, and nothing is written', () => {
    // GIVEN a ConfigMap whose producer adds a new ConfigMap to its chart each time it runs
    const app = Testing.app({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'one');
    let made = 0;
    new ApiObject(chart, 'cm', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' },
      data: { note: Lazy.any({ produce: () => { new ApiObject(chart, `made${made++}`, { apiVersion: 'v1', kind: 'ConfigMap' }); return 'x'; } }) },
    });

    // WHEN synthesised THEN refused, naming the object the last walk met first, and nothing is written
    expect(() => app.synth()).toThrow('rendering the app adds objects every time it runs (one/made7 among them): a Lazy producer or a toJson of its own '
      + 'that makes constructs, so the check cannot judge what synth would write; make the objects when the app is built, not when it is rendered');
    expect(readdirSync(app.outdir)).toEqual([]);
  });

  test('with FOLDER_PER_CHART_FILE_PER_RESOURCE, which cdk8s validates once, an object a later validation adds is judged by the next synthesis only', () => {
    // GIVEN the app above, written one folder per chart: cdk8s validates it once, the check first
    const app = Testing.app({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'one');
    new ApiObject(chart, 'a', podDefault('a', '1'));
    addLate(chart);

    // WHEN synthesised THEN the check did not see the new object, and cdk8s wrote it (the boundary of the in-process door)
    expect(errorsOf(() => app.synth())).toEqual([]);
    expect(readdirSync(`${app.outdir}/one`).sort()).toEqual(['PodDefault.a.k8s.yaml', 'PodDefault.late.k8s.yaml']);
    // AND the next synthesis judges it
    expect(errorsOf(() => app.synth())).toEqual([clash]);
  });
});
