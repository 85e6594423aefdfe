// The one place the library relies on how cdk8s 2.70 orders a synthesis. `App.synth()` and
// `App.synthYaml()` validate the whole app first, then render each chart through `App._synthChart`,
// which validates the whole app again: K+1 passes for K charts (`FOLDER_PER_CHART_FILE_PER_RESOURCE`
// renders without `_synthChart`, so it has one). Nothing a validation receives tells those passes
// apart; a pass whose call stack holds `_synthChart` inside `App.synth`/`App.synthYaml` (both in cdk8s's
// app.js) is a per-chart repeat, and the check reuses the result of the synthesis's first pass.
//
// What that assumes: cdk8s does run user code between the passes (the validations after the check's in
// the first pass, and each chart before is rendered: toJson overrides, Lazy producers, the app's
// resolvers). A repeat reuses the first result only while the chart it renders (the next of `app.charts`,
// in the order App.synth renders them) holds the objects the first pass judged there, no more and no
// fewer, or, where that chart cannot be told, while the app does (pod-default-validation.ts): an object
// such code adds is judged by the pass before its chart is written. (Within a pass, the check walks the app again while its own
// rendering adds objects, and refuses an app whose rendering adds objects every time.) Beyond that, the reuse takes that code to change nothing the
// first pass rendered, as rendering should: it renders the same objects the same way every time. An app
// whose rendering of one chart changes another object (a producer that renames it) is judged as it was
// at the start of the synthesis, and again as it is now by the next one. With
// `FOLDER_PER_CHART_FILE_PER_RESOURCE` there is no repeat: an object that a validation adds after the
// check's (cdk8s runs the App's first) is written unjudged, and judged by the next synthesis.
// test/check/synthesis-pass.test.ts shows each. Reading the stack changes nothing in cdk8s; when the
// frames cannot be seen (a bundler renamed them, `Error.stackTraceLimit` is low), every pass is simply
// judged on its own.

// cdk8s's app.js, or its app.ts where source maps are applied (jest).
const APP_SYNTH = /\.(synth|synthYaml) \(.*[\\/]cdk8s[\\/](lib|src)[\\/]app\.(js|ts):/;
const SYNTH_CHART = /\._synthChart \(.*[\\/]cdk8s[\\/](lib|src)[\\/]app\.(js|ts):/;

/** Whether the running validation is a per-chart repeat inside one `app.synth()` or `app.synthYaml()`. */
export function isRepeatedPass(): boolean {
  const stack = new Error().stack ?? '';
  return SYNTH_CHART.test(stack) && APP_SYNTH.test(stack);
}
