import { createHash } from 'crypto';
import { shownName } from '../../names';
import { clusterExternalSecretOwner } from '../cluster-external-secret';
import { externalSecretKeys, externalSecretTarget } from '../external-secret';
import { Found, isExternalSecret, isSecret, ns } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

/** How an object claims an identity: as itself, or as what an ExternalSecret writes, whole or by merging keys. */
type How = 'object' | 'replace' | 'merge';

interface Claim {
  readonly found: Found;
  readonly how: How;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** The ExternalSecret's creationPolicy, for the claims of one. */
  readonly policy?: string;
}

/** The claims on one group, kind and name: by namespace (`''` for none), and the namespace-less ones not yet reported. */
interface Bucket {
  readonly byNamespace: Map<string, Claims>;
  pending?: Claim[];
}

/** The claims of one namespace in order, and their index for merging claims. */
interface Claims {
  readonly list: Claim[];
  readonly merges: MergeIndex;
}

/**
 * Where, in a list of claims of one namespace, a merging claim finds the first it clashes with: the first that
 * replaces the whole object, or the first merging claim of each key written; and the object itself, the claims that
 * do not merge, which are all it may clash with. Scanning the list, with the keys of both ExternalSecrets read again
 * at each, took 6.8 s for 10,000 ExternalSecrets merging keys of their own into one Secret.
 */
interface MergeIndex {
  /** The claims that do not merge, in order. */
  readonly others: Claim[];
  /** The place of the first claim that replaces the object. */
  firstReplace?: number;
  /** Each key a merging claim writes: the place of the first that does. */
  readonly firstByKey: Map<string, number>;
}

/**
 * Objects that overwrite each other: two objects with one group, kind, namespace and name, as
 * `kubectl apply` matches them. An ExternalSecret also claims the Secret it writes (see
 * external-secret.ts): whole with creationPolicy Owner or Orphan, which clashes with any other writer
 * of that Secret; by merging keys with Merge or CreateOrMerge, which fills a Secret that exists and
 * clashes only with another ExternalSecret writing one of its keys. An object that names no namespace
 * lands wherever `kubectl apply -n` sends it, so it clashes with its twin in any namespace (reported
 * once).
 */
export function duplicateObjects(objects: readonly Found[]): CheckProblem[] {
  // Maps within maps rather than one map by a joined key, which cost a string per object of the app.
  const buckets = new Map<string, Map<string, Map<string, Bucket>>>();
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    see(buckets, problems, { found, how: 'object', group: found.group, kind: found.kind, name: found.name });
    if (isExternalSecret(found)) {
      const target = externalSecretTarget(found);
      if (target !== undefined) {
        see(buckets, problems, { found, how: target.replaces ? 'replace' : 'merge', group: target.group, kind: target.kind, name: target.name, policy: target.policy });
      }
    }
  }
  return problems;
}

function see(buckets: Map<string, Map<string, Map<string, Bucket>>>, problems: CheckProblem[], claim: Claim): void {
  const byName = inner(inner(buckets, claim.group), claim.kind);
  let bucket = byName.get(claim.name);
  if (bucket === undefined) {
    bucket = { byNamespace: new Map() };
    byName.set(claim.name, bucket);
  }
  const namespace = claim.found.namespace;
  const same = bucket.byNamespace.get(namespace);
  let reported = false;
  if (same !== undefined) {
    const first = claim.how === 'merge' ? firstMergeClash(same.merges, mergedKeys(claim)) : undefined;
    if (first !== undefined) {
      reported = report(problems, same.list[first], claim, namespace, undefined);
    } else if (claim.how !== 'merge') {
      // A merging claim never clashes with the object itself.
      const earlier = claim.how === 'object' ? same.merges.others : same.list;
      for (let i = 0; i < earlier.length && !reported; i++) {
        reported = report(problems, earlier[i], claim, namespace, undefined);
      }
    }
  }
  if (!reported && claim.found.floating) {
    // The first earlier claim of any namespace it would clash with there.
    for (const [other, { list: claims }] of bucket.byNamespace) {
      if (other === '') { continue; }
      for (let i = 0; i < claims.length && !reported; i++) {
        reported = report(problems, claims[i], claim, other, claim);
      }
      if (reported) { break; }
    }
  } else if (!reported && bucket.pending !== undefined) {
    // An earlier namespace-less claim that has not been reported yet: it may land in this namespace.
    for (let i = 0; i < bucket.pending.length && !reported; i++) {
      const floating = bucket.pending[i];
      reported = report(problems, floating, claim, namespace, floating);
      if (reported) { bucket.pending.splice(i, 1); }
    }
  }
  let claims = same;
  if (claims === undefined) {
    claims = { list: [], merges: { others: [], firstByKey: new Map() } };
    bucket.byNamespace.set(namespace, claims);
  }
  indexMerge(claims.merges, claim, claims.list.length);
  claims.list.push(claim);
  if (!reported && claim.found.floating) { (bucket.pending ??= []).push(claim); }
}

/**
 * The place of the first claim a merging claim of `keys` clashes with (`report`): one that replaces the object, or
 * merges one of its keys; one that is the object itself does not clash with it.
 */
function firstMergeClash(merges: MergeIndex, keys: readonly string[]): number | undefined {
  let first = merges.firstReplace;
  for (let i = 0; i < keys.length; i++) {
    const at = merges.firstByKey.get(keys[i]);
    if (at !== undefined && (first === undefined || at < first)) { first = at; }
  }
  return first;
}

/** Adds `claim`, at place `at` of its list, to the list's `MergeIndex`. */
function indexMerge(merges: MergeIndex, claim: Claim, at: number): void {
  if (claim.how === 'replace') { merges.firstReplace ??= at; }
  if (claim.how !== 'merge') {
    merges.others.push(claim);
    return;
  }
  for (const key of mergedKeys(claim)) {
    if (!merges.firstByKey.has(key)) { merges.firstByKey.set(key, at); }
  }
}

/** The keys a merging claim writes into its object, as `sharedKey` reads them. */
function mergedKeys(claim: Claim): readonly string[] {
  return externalSecretKeys(claim.found, claim.group === 'core' && claim.kind === 'ConfigMap' ? 'ConfigMap' : 'Secret');
}

/**
 * Reports `later` against `earlier` when the two clash in `namespace`; `floating` is the one of them
 * that names no namespace, when they meet only once it is applied there. Whether it reported.
 */
function report(problems: CheckProblem[], earlier: Claim, later: Claim, namespace: string, floating: Claim | undefined): boolean {
  if (earlier.found === later.found) { return false; }
  const a = earlier.found.source;
  const b = later.found.source;
  const where = floating === undefined
    ? `in namespace ${ns(namespace)}`
    : `in namespace ${ns(namespace)} once ${floating.found.source}, which names no namespace, is applied there (kubectl apply -n ${ns(namespace)})`;
  const parts = { rule: 'duplicate-object', namespace, sources: [a, b], key: shownName(later.name, 'name') };
  if (earlier.how === 'object' && later.how === 'object') {
    problems.push(checkProblem({
      ...parts,
      message: `${a} and ${b} are both ${shownName(later.kind, 'kind')} ${shownName(later.name, 'name')} (api group ${shownName(later.group, 'api group')}) ${where}: applying them, one overwrites the other`,
      fix: 'give them different names or namespaces',
    }));
    return true;
  }
  if (earlier.how === 'merge' || later.how === 'merge') {
    if (earlier.how === 'object' || later.how === 'object') { return false; }
    if (earlier.how === 'merge' && later.how === 'merge') {
      const key = sharedKey(earlier.found, later.found, later.group === 'core' && later.kind === 'ConfigMap' ? 'ConfigMap' : 'Secret');
      if (key === undefined) { return false; }
      problems.push(checkProblem({
        ...parts,
        key: shownName(key, 'key'),
        message: `${a} and ${b} both write key ${shownName(key, 'key')} of ${shownName(later.kind, 'kind')} ${shownName(later.name, 'name')} ${where} (creationPolicy ${earlier.policy} and ${later.policy}): `
          + 'External Secrets Operator writes one value and then the other, on every refresh',
        fix: 'write each key from one ExternalSecret only',
      }));
      return true;
    }
    const [whole, merging] = earlier.how === 'replace' ? [earlier, later] : [later, earlier];
    problems.push(checkProblem({
      ...parts,
      message: `${a} and ${b} both write ${shownName(later.kind, 'kind')} ${shownName(later.name, 'name')} ${where}: External Secrets Operator rewrites the whole ${shownName(later.kind, 'kind')} for `
        + `${whole.found.source} (creationPolicy ${whole.policy}), dropping the keys ${merging.found.source} merges into it`,
      fix: 'set creationPolicy Merge on both, or give them different targets',
    }));
    return true;
  }
  if (isOutputOf(earlier, later) || isOutputOf(later, earlier)) { return false; }
  const object = earlier.how === 'object' ? earlier : later.how === 'object' ? later : undefined;
  const writer = object === earlier ? later : earlier;
  problems.push(checkProblem({
    ...parts,
    message: `${a} and ${b} both make ${shownName(later.kind, 'kind')} ${shownName(later.name, 'name')} ${where} (an ExternalSecret writes the ${shownName(later.kind, 'kind')} its spec.target.name names, `
      + 'by default its own name): one overwrites the other',
    fix: object === undefined
      ? 'give them different names or namespaces'
      : `give them different names or namespaces, or set ${mergePolicyField(writer.found)} to fill the existing one${dumpHint(object, writer)}`,
  }));
  return true;
}

/**
 * For a Secret that External Secrets Operator wrote (its label `reconcile.external-secrets.io/managed`,
 * apis/externalsecrets/v1/externalsecret_types.go LabelManaged) shown without its field managers, as
 * `kubectl get -o yaml` shows it by default: how to tell whether `writer` wrote it. Owner leaves an owner
 * reference on every write, which settles it; Orphan, whose `writer` is, leaves only the field manager (see `isOutputOf`).
 */
function dumpHint(object: Claim, writer: Claim): string {
  const metadata = object.found.manifest.metadata;
  if (writer.policy !== 'Orphan' || !isSecret(object.found) || metadata?.labels?.[MANAGED_LABEL] !== 'true' || metadata.managedFields !== undefined) { return ''; }
  return `; if ${object.found.source} is the Secret External Secrets Operator wrote for ${writer.found.source} (it has the label ${MANAGED_LABEL}), `
    + 'check a dump made with kubectl get --show-managed-fields, whose field managers tell which ExternalSecret wrote it';
}

const MANAGED_LABEL = 'reconcile.external-secrets.io/managed';

/** Where the creationPolicy of ExternalSecret `es` is set to Merge: on its ClusterExternalSecret for one that generated it. */
function mergePolicyField(es: Found): string {
  const owner = clusterExternalSecretOwner(es);
  return owner === undefined
    ? 'spec.target.creationPolicy to Merge on the ExternalSecret'
    : `spec.externalSecretSpec.target.creationPolicy to Merge on ClusterExternalSecret ${owner}`;
}

/**
 * Whether `object` is what the ExternalSecret of `writer` wrote, as a cluster dump (`kubectl get
 * secrets,externalsecrets -A -o yaml`) holds both; the two are one object in the cluster. External
 * Secrets Operator v2.9.0 (pkg/controllers/externalsecret/externalsecret_controller.go) leaves on a
 * Secret it writes:
 * - with creationPolicy Owner, a controller owner reference to the ExternalSecret (applyOwnership);
 * - with Owner or Orphan alike, itself as the Secret's field manager `externalsecrets.external-secrets.io/NAME`,
 *   NAME the ExternalSecret's (createSecret and updateSecret pass `client.FieldOwner(fqdnFor(name))`; util.go
 *   fqdnFor hashes a name that makes it longer than 63 characters), which the dump shows with
 *   `kubectl get --show-managed-fields`.
 * Orphan leaves no owner reference, and its labels (`reconcile.external-secrets.io/managed`) name no
 * ExternalSecret, so without managed fields an Orphan's Secret may be anyone's. The field managers tell
 * only when that ExternalSecret is the Secret's only one: another (`kubectl-client-side-apply`, say) wrote it too,
 * and writes it again. ESO writes a generic target (spec.target.manifest) under its own name, not the
 * ExternalSecret's, so only a Secret is told so.
 */
function isOutputOf(object: Claim, writer: Claim): boolean {
  if (object.how !== 'object' || writer.how !== 'replace') { return false; }
  const metadata = object.found.manifest.metadata;
  const owners = metadata?.ownerReferences;
  if (Array.isArray(owners) && owners.some(owner => owner?.controller === true && owner.kind === 'ExternalSecret'
    && typeof owner.apiVersion === 'string' && owner.apiVersion.startsWith('external-secrets.io/') && owner.name === writer.found.name)) { return true; }
  const managers = metadata?.managedFields;
  if (!Array.isArray(managers) || managers.length === 0 || !isSecret(object.found)) { return false; }
  const own = fieldManager(writer.found.name);
  return managers.every(entry => entry?.manager === own);
}

/** The field manager ESO writes the Secret of ExternalSecret `name` as (fqdnFor in pkg/controllers/externalsecret/util.go, v2.9.0). */
export function fieldManager(name: string): string {
  const fqdn = `externalsecrets.external-secrets.io/${name}`;
  // Go's len counts bytes; `%x` of the [28]byte digest is lower-case hex.
  return Buffer.byteLength(fqdn, 'utf8') > 63 ? `externalsecrets.external-secrets.io/sha3/${createHash('sha3-224').update(name, 'utf8').digest('hex')}` : fqdn;
}

/** A key that both ExternalSecrets write into their `kind`, as far as their manifests tell; `undefined` when none. */
function sharedKey(a: Found, b: Found, kind: 'Secret' | 'ConfigMap'): string | undefined {
  const keys = new Set(externalSecretKeys(a, kind));
  return externalSecretKeys(b, kind).find(k => keys.has(k));
}

/** The map under `key`, made when there is none. */
function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}
