// The core/v1 bindings of cdk8s-plus-28 (`KubeConfigMap`, `toJson_Container`, ...) without the rest of
// the package: the package's index loads every construct of cdk8s-plus (about forty modules beside the
// 2.7 MB of generated bindings), which the library never uses; loading the library took 142 ms without
// this module and 125 ms with it (best of 25 fresh processes each, alternating; BENCHMARKS.md). The
// index re-exports this module as `k8s`, so the classes and functions are the same objects; types keep
// coming from `import { k8s } from 'cdk8s-plus-28'`, which TypeScript drops from the JavaScript.
// test/k8s-runtime.test.ts fails if the package moves this module or the library loads the index again.
import * as bindings from 'cdk8s-plus-28/lib/imports/k8s';

/**
 * The module itself, as one value: `export *` would re-export each of its thousands of members through
 * a getter, and the PodDefaults' toJson calls its converters through them, which made synthesis of
 * 1000 profiles about 150 ms slower (median of 8 alternating runs).
 */
export const k8s = bindings;
