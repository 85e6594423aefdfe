import { clusterExternalSecretObjects } from './cluster-external-secret';
import { DataKeys } from './data-keys';
import { externalSecretProblems } from './external-secret';
import { listItems } from './input-model';
import { append, Found, isPodDefault, listOf, PodDefaultFound, secretVolumeSources, toFound, toPodDefault } from './objects';
import { annotationSizes, podAnnotationSize, podAnnotationSizesTogether } from './rules/annotation-size';
import { cloudIdentities } from './rules/cloud-identity';
import { duplicateObjects } from './rules/duplicate-object';
import { envSources } from './rules/env-source';
import { fieldTypes } from './rules/field-type';
import { markerSelectors } from './rules/marker-selector';
import { metadataFieldTypes } from './rules/metadata-type';
import { metadataValues } from './rules/metadata-value';
import { mountSpelling } from './rules/mount-spelling';
import { annotationKeys, labelKeysAndSelector, listing, nameFormat, nameLength, spawnerVolume } from './rules/one-pod-default';
import { outputFiles } from './rules/output-file';
import { secretData } from './rules/secret-data';
import { secretTypes } from './rules/secret-type';
import { serviceAccounts } from './rules/service-account';
import { podDefaultShape } from './rules/shape';
import { unknownExternalSecretFields, unknownFields, unknownMetadataFields } from './rules/unknown-field';
import { webhookMerge } from './rules/webhook-merge';
import { SecretFiles } from './secret-files';
import { Meetings, sortByName } from './selection';
import { CheckInput, CheckOptions, CheckProblem } from './types';
import { isPlainObject } from '../json';

/** The rules on one PodDefault, in the order their problems are reported. */
const ONE_POD_DEFAULT_RULES = [nameFormat, unknownFields, fieldTypes, nameLength, listing, spawnerVolume, labelKeysAndSelector, annotationKeys, podAnnotationSize];

/**
 * Every problem Kubeflow's PodDefault webhook, its notebook UI or `kubectl apply` would have with the
 * given objects, in input order: objects that overwrite each other first (in the cluster, then in the
 * output files), then Secrets whose data the API server cannot decode or refuses for its size, then
 * Secrets (and those ExternalSecrets write) that lack what their type asks for, then
 * namespace by namespace, the rules on each PodDefault and then those across the
 * PodDefaults one notebook can select. An object that names no namespace lands wherever `kubectl apply
 * -n` sends it, so it is judged in every namespace of the input, and against the other namespace-less
 * ones. A ClusterExternalSecret stands, besides itself, for the ExternalSecret External Secrets Operator
 * writes in each namespace it targets (cluster-external-secret.ts). Pure: it reads nothing but its
 * arguments and never changes them.
 */
export function checkManifests(inputs: readonly CheckInput[], options: CheckOptions = {}): CheckProblem[] {
  const objects: Found[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const found = toFound(inputs[i], objects.length, options);
    objects.push(found);
    const items = listItems(found.manifest);
    if (Array.isArray(items)) { addItems(objects, found, items, inputs[i]); }
  }
  // The ExternalSecrets ESO generates for the ClusterExternalSecrets, judged as ones the input holds
  // there; once every object is read, since a CES's targets are the namespaces of the whole input.
  const generated = clusterExternalSecretObjects(objects);
  for (let i = 0; i < generated.objects.length; i++) { objects.push(generated.objects[i]); }
  const problems = duplicateObjects(objects);
  append(problems, generated.problems);
  append(problems, externalSecretProblems(objects));
  append(problems, outputFiles(objects));
  append(problems, secretData(objects));
  append(problems, secretTypes(objects));
  append(problems, unknownMetadataFields(objects));
  append(problems, unknownExternalSecretFields(objects));
  append(problems, metadataFieldTypes(objects));
  append(problems, metadataValues(objects));
  append(problems, annotationSizes(objects));

  const byNamespace = new Map<string, PodDefaultFound[]>();
  /** The lists of `byNamespace`, in the order of their namespaces' first PodDefault. */
  const lists: PodDefaultFound[][] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (!isPodDefault(found)) { continue; }
    const shape = podDefaultShape(found);
    if (shape !== undefined) {
      problems.push(shape);
      continue;
    }
    // As the API server stores it (the fields its CRD lacks pruned): what kubectl get shows and the webhook reads.
    const pd = toPodDefault(found);
    const list = byNamespace.get(pd.namespace);
    if (list === undefined) {
      const first = [pd];
      byNamespace.set(pd.namespace, first);
      lists.push(first);
    } else {
      list.push(pd);
    }
  }
  if (lists.length === 0) { return problems; }

  const keys = new DataKeys(objects);
  const files = new SecretFiles(objects);
  // A PodDefault the API server refuses for its fields (field-type) never reaches the webhook: the rules
  // across PodDefaults leave it out, as they would judge fields it lacks or holds of another type.
  const floating = storable(byNamespace.get('') ?? []);
  for (let n = 0; n < lists.length; n++) {
    const all = sortByName(lists[n]);
    const namespace = all[0].namespace;
    for (let i = 0; i < all.length; i++) {
      for (let r = 0; r < ONE_POD_DEFAULT_RULES.length; r++) {
        const found = ONE_POD_DEFAULT_RULES[r](all[i]);
        if (found.length > 0) { append(problems, found); }
      }
    }
    const own = storable(all);
    if (own.length === 0) { continue; }
    const group = namespace === '' || floating.length === 0 ? own : sortByName(own.concat(floating));
    // One judgement of which PodDefaults meet, shared by the rules across PodDefaults.
    const meetings = new Meetings(group, namespace);
    append(problems, webhookMerge(group, namespace, meetings));
    append(problems, mountSpelling(group, namespace, meetings));
    // The namespace-less PodDefaults among themselves read the Secrets and ConfigMaps of each namespace
    // they may land in.
    const landings = namespace === '' ? landingsOf(group, keys) : undefined;
    append(problems, envSources(group, namespace, keys, meetings, landings));
    append(problems, serviceAccounts(group, namespace, meetings));
    append(problems, podAnnotationSizesTogether(group, namespace, meetings));
    append(problems, cloudIdentities(group, namespace, keys, files, meetings, landings));
    append(problems, markerSelectors(group, namespace));
  }
  return problems;
}

/** The PodDefaults of `list` the API server stores (no field-type problem): `list` itself when that is all of them. */
function storable(list: PodDefaultFound[]): PodDefaultFound[] {
  for (let i = 0; i < list.length; i++) {
    if (list[i].refused.length > 0) { return list.filter(pd => pd.refused.length === 0); }
  }
  return list;
}

/**
 * Where namespace-less PodDefaults (`floating`) read more than the namespace-less objects: `''`, and each
 * namespace holding a Secret or ConfigMap one of them reads by `envFrom` or mounts as a Secret volume,
 * where `kubectl apply -n` may put them.
 */
function landingsOf(floating: readonly PodDefaultFound[], keys: DataKeys): readonly string[] {
  const landings = new Set<string>(['']);
  const add = (kind: 'Secret' | 'ConfigMap', name: unknown) => {
    if (typeof name === 'string') { keys.namespacesOf(kind, name).forEach(n => landings.add(n)); }
  };
  for (const pd of floating) {
    for (const from of listOf(pd.manifest.spec?.envFrom)) {
      add('ConfigMap', from?.configMapRef?.name);
      add('Secret', from?.secretRef?.name);
    }
    for (const volume of listOf(pd.manifest.spec?.volumes)) {
      for (const source of secretVolumeSources(volume)) { add('Secret', source.secretName); }
    }
  }
  return [...landings];
}

/**
 * The items of a list (`kind: List`, as `kubectl get -o yaml` prints one, which an `Include` of such a dump
 * puts in an app as one object), each judged on its own: `kubectl apply` applies the items, never the
 * list. The list stays, for the file it is written to; its items are written there with it. A list
 * inside a list is not read, as kubectl does not read one.
 */
function addItems(objects: Found[], list: Found, items: readonly unknown[], input: CheckInput): void {
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (!isPlainObject(item) || listItems(item) !== undefined) { continue; }
    objects.push(toFound({ manifest: item, source: `${list.source}.items[${j}]`, allowUnlisted: input.allowUnlisted }, objects.length, {}));
  }
}
