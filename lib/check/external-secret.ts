// What External Secrets Operator writes for an ExternalSecret, as its controller does (ESO v2.9.0):
// - `spec.target.creationPolicy` (docs/guides/ownership-deletion-policy.md, and the switch in
//   pkg/controllers/externalsecret/externalsecret_controller.go): `Owner` (the default) creates the
//   Secret and owns it, and errors out on one it does not own; `Orphan` creates or updates it without
//   owning it; `Merge` never creates it, but merges its keys into an existing one; `CreateOrMerge`
//   creates it when missing and merges into it otherwise; `None` writes nothing.
// - The keys of a Secret (ApplyTemplate in pkg/controllers/externalsecret/externalsecret_controller_template.go):
//   without a template, the fetched keys (`data[].secretKey`, and `dataFrom`'s, unknown here); with
//   one, the template's `data` keys (and `templateFrom`'s, unknown here), and the fetched keys only
//   with `mergePolicy: Merge` or when the template has neither `data` nor `templateFrom`. Owner and
//   Orphan clear the Secret first; Merge and CreateOrMerge keep the keys it holds.
// - `spec.target.manifest` ({apiVersion, kind}) makes ESO write that kind instead of a Secret, a "generic
//   target" (docs/guides/targeting-custom-resources.md, behind --unsafe-allow-generic-targets). For a
//   ConfigMap (applyTemplateToManifest in externalsecret_controller_manifest.go): without a template,
//   `data` is the fetched keys (createSimpleManifest); with one, the template's `data` keys (and
//   `templateFrom`'s), and never the fetched keys, whatever `mergePolicy` says. Merge and
//   CreateOrMerge render into the ConfigMap that exists.
import { isPlainObject, str } from '../json';
import { apiGroup } from './input-model';
import { Found } from './objects';

/** The object an ExternalSecret writes. */
export interface ExternalSecretTarget {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** `spec.target.creationPolicy`, `Owner` when unset. */
  readonly policy: string;
  /** Whether ESO writes the whole object (Owner, Orphan) rather than merging keys into one that exists (Merge, CreateOrMerge). */
  readonly replaces: boolean;
}

/** What `found`, an ExternalSecret, writes; `undefined` with `creationPolicy: None`, which writes nothing. */
export function externalSecretTarget(found: Found): ExternalSecretTarget | undefined {
  const target = isPlainObject(found.manifest.spec?.target) ? found.manifest.spec.target : {};
  const policy = typeof target.creationPolicy === 'string' && target.creationPolicy !== '' ? target.creationPolicy : 'Owner';
  if (policy === 'None') { return undefined; }
  const other = isPlainObject(target.manifest) && typeof target.manifest.kind === 'string' && target.manifest.kind !== '';
  return {
    group: other ? apiGroup(str(target.manifest.apiVersion)) : 'core',
    kind: other ? target.manifest.kind : 'Secret',
    name: typeof target.name === 'string' && target.name !== '' ? target.name : found.name,
    policy,
    replaces: policy !== 'Merge' && policy !== 'CreateOrMerge',
  };
}

/**
 * The keys ESO writes into the Secret (or, for a generic target, the ConfigMap), as far as the manifest
 * tells: those of `dataFrom` and `templateFrom` are only known once ESO has fetched them.
 */
export function externalSecretKeys(manifest: any, kind: 'Secret' | 'ConfigMap' = 'Secret'): readonly string[] {
  const spec = isPlainObject(manifest.spec) ? manifest.spec : {};
  const fetched: string[] = [];
  if (Array.isArray(spec.data)) {
    for (const d of spec.data) {
      if (typeof d?.secretKey === 'string') { fetched.push(d.secretKey); }
    }
  }
  const template = spec.target?.template;
  if (!isPlainObject(template)) { return fetched; }
  const templated = isPlainObject(template.data) ? Object.keys(template.data) : [];
  if (kind === 'ConfigMap') { return templated; }
  const templateFrom = Array.isArray(template.templateFrom) && template.templateFrom.length > 0;
  const copiesFetched = template.mergePolicy === 'Merge' || (templated.length === 0 && !templateFrom);
  return copiesFetched ? templated.concat(fetched) : templated;
}
