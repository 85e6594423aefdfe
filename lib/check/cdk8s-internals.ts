// The one place the library reads a cdk8s internal. cdk8s 2.70 keeps the JSON patches of an ApiObject in
// its private field `patches` (an array, applied by `toJson()`) and offers no public way to tell whether
// an object has any. The duplicate-object rule must see a patch that renames an object, and rendering
// every foreign object on every validation pass just to find out would cost a full render per object
// per chart. test/cdk8s-internals.test.ts fails when cdk8s changes this field.
import { ApiObject } from 'cdk8s';

/** Whether `obj` carries JSON patches (`addJsonPatch`), so its public fields may not be what it renders. */
export function hasJsonPatches(obj: ApiObject): boolean {
  const patches = (obj as unknown as { patches?: unknown }).patches;
  return Array.isArray(patches) && patches.length > 0;
}
