// ObjectMeta, the metadata of every object, as k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/types.go declares it
// (clusterName was removed in 1.25): its fields, for unknown-field, and their Go types, for field-type.
import { isPlainObject } from '../json';
import { listItems } from './input-model';
import { Found } from './objects';

export type Scalar = 'string' | 'integer' | 'boolean' | 'time' | 'any';
/** A field's type: a scalar, a map of strings, a list of scalars, or a list of objects of these fields. */
export type FieldType = Scalar | { map: 'string' } | { list: Scalar } | { objects: Readonly<Record<string, Scalar>> };

/** ObjectMeta's fields (timestamps are strings in JSON, of RFC 3339; fieldsV1 holds any JSON). */
export const OBJECT_META: Readonly<Record<string, FieldType>> = {
  name: 'string', generateName: 'string', namespace: 'string', selfLink: 'string', uid: 'string', resourceVersion: 'string',
  generation: 'integer', creationTimestamp: 'time', deletionTimestamp: 'time', deletionGracePeriodSeconds: 'integer',
  labels: { map: 'string' }, annotations: { map: 'string' }, finalizers: { list: 'string' },
  ownerReferences: { objects: { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'boolean', blockOwnerDeletion: 'boolean' } },
  managedFields: { objects: { manager: 'string', operation: 'string', apiVersion: 'string', time: 'time', fieldsType: 'string', fieldsV1: 'any', subresource: 'string' } },
};

/**
 * The metadata of `found` that the API server decodes into ObjectMeta, when it is a mapping: of every object
 * but a list, which kubectl never sends (its items are objects of their own).
 */
export function judgedMetadata(found: Found): Record<string, any> | undefined {
  const metadata = found.manifest.metadata;
  return isPlainObject(metadata) && listItems(found.manifest) === undefined ? metadata : undefined;
}
