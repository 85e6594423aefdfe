// The one place the library relies on how cdk8s 2.70 orders a synthesis. `App.synth()` and
// `App.synthYaml()` validate the whole app first, then render each chart through `App._synthChart`,
// which validates the whole app again (once per chart, so K+1 passes for K charts). Nothing a
// validation receives tells those passes apart, and no user code runs between them, so a pass whose
// call stack holds `_synthChart` inside `App.synth`/`App.synthYaml` (both in cdk8s's app.js) repeats
// the first pass of the same synthesis and may reuse its result. Reading the stack changes nothing in
// cdk8s; when the frames cannot be seen (a bundler renamed them, `Error.stackTraceLimit` is low), every
// pass is simply judged on its own. test/synthesis-pass.test.ts fails when cdk8s changes this order.

// cdk8s's app.js, or its app.ts where source maps are applied (jest).
const APP_SYNTH = /\.(synth|synthYaml) \(.*[\\/]cdk8s[\\/](lib|src)[\\/]app\.(js|ts):/;
const SYNTH_CHART = /\._synthChart \(.*[\\/]cdk8s[\\/](lib|src)[\\/]app\.(js|ts):/;

/** Whether the running validation is a per-chart repeat inside one `app.synth()` or `app.synthYaml()`. */
export function isRepeatedPass(): boolean {
  const stack = new Error().stack ?? '';
  return SYNTH_CHART.test(stack) && APP_SYNTH.test(stack);
}
