#!/usr/bin/env python3
"""Writes lib/admission/poddefault-crd-fields.ts: the fields the PodDefault CRD's structural schema declares,
which are all the API server keeps when it stores a PodDefault (apiextensions-apiserver pruning).

Usage: scripts/poddefault-crd-fields.py POD_DEFAULT_CRD_YAML > lib/admission/poddefault-crd-fields.ts
  (the CRD of Kubeflow 1.10, ../shared/crds/poddefault-crd.kubeflow-v1.10.yaml; test/admission/
  stored-pod-default.test.ts regenerates the file and compares it with the committed one)

Each object schema is one entry of the table, named by the shortest path where it shows up (breadth first,
fields in name order); a schema that shows up again (the container of initContainers and sidecars, a
LocalObjectReference) refers to that entry, so the file stays small. The walk refuses what the
model does not handle (x-kubernetes-preserve-unknown-fields, nullable, an embedded resource, a schema
combinator other than int-or-string's anyOf, additionalProperties that is not a schema, enum, a bound, a
format the API server validates, a pattern it has no name for, a list type other than map and atomic).

Besides the fields, it writes what the API server's validation of a custom resource enforces from this CRD
(apiextensions-apiserver pkg/apiserver/validation, kube-openapi pkg/validation/validate, and
pkg/apiserver/schema/listtype/validation.go): each object schema's `required` fields, the `pattern` of a
string (the resource quantity's, on int-or-string fields), and the keys of an `x-kubernetes-list-type: map`
list, whose items must differ in them. `format: int32` and `int64` validate nothing: the API server strips
the formats it does not support (StripUnsupportedFormatsPostProcess, apiextensions-apiserver
pkg/apiserver/validation/formats.go), and those are not among them. The table still records them, as the type
`int32` or `int64` of an integer: they are the widths of the Go fields (corev1's, from which controller-gen wrote
the CRD) that the webhook decodes a stored PodDefault into, which refuse a wider number.
"""
import json
import sys

import yaml

from ts_names import quote

SCALARS = {'string', 'boolean', 'integer', 'number'}
# The keys the table models (type, properties, items, additionalProperties, default, int-or-string's anyOf,
# required, pattern, list-map keys) and those that neither change what the API server keeps nor validate
# anything here. A key outside both stops the script, so a new CRD is read, never misread.
MODELLED = {'type', 'properties', 'items', 'additionalProperties', 'default', 'anyOf', 'x-kubernetes-int-or-string',
            'required', 'pattern', 'format', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'description'}
# The formats the API server drops before it validates (not in apiextensions-apiserver's supportedFormats).
STRIPPED_FORMATS = {'int32', 'int64'}
# The patterns the table names: resource.Quantity's, as controller-gen writes it for an int-or-string quantity.
PATTERNS = {
    r'^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$': 'quantity',
}
# The root fields the API server keeps whatever the schema says (pruning skips them; metadata is decoded
# as an ObjectMeta).
META_FIELDS = {'apiVersion', 'kind', 'metadata'}


def main():
    crd = yaml.safe_load(open(sys.argv[1]))
    versions = crd['spec']['versions']
    if len(versions) != 1:
        raise SystemExit(f'expected one version, found {len(versions)}')
    version = versions[0]
    schema = version['schema']['openAPIV3Schema']
    gen = crd['metadata'].get('annotations', {}).get('controller-gen.kubebuilder.io/version', 'an unknown controller-gen')

    def declared(node, path):
        """The table's view of `node`: its type, with the declared fields of an object, refusing what the model does not handle."""
        keys = set(node) - MODELLED
        if keys:
            raise SystemExit(f'{path}: unsupported schema keys {sorted(keys)}')
        kind = node.get('type')
        if 'format' in node and not (kind == 'integer' and node['format'] in STRIPPED_FORMATS):
            raise SystemExit(f'{path}: format {node["format"]} on a {kind}, which the API server may validate')
        if 'required' in node and kind != 'object':
            raise SystemExit(f'{path}: required on a {kind}')
        if ('x-kubernetes-list-type' in node or 'x-kubernetes-list-map-keys' in node) and kind != 'array':
            raise SystemExit(f'{path}: a list type on a {kind}')
        suffix = ''
        if 'pattern' in node:
            if node['pattern'] not in PATTERNS or not (kind == 'string' or node.get('x-kubernetes-int-or-string')):
                raise SystemExit(f'{path}: a pattern the table has no name for, or not on a string')
            suffix += '~' + PATTERNS[node['pattern']]
        if 'default' in node:
            suffix += '=' + json.dumps(node['default'], separators=(',', ':'))
        if node.get('x-kubernetes-int-or-string'):
            if node.get('anyOf') != [{'type': 'integer'}, {'type': 'string'}] or kind is not None:
                raise SystemExit(f'{path}: unexpected int-or-string schema')
            return ('int-or-string' + suffix,)
        if 'anyOf' in node:
            raise SystemExit(f'{path}: anyOf outside int-or-string')
        if kind in SCALARS:
            # An integer of a format is named by its width: `int32`, `int64`.
            return ((node['format'] if kind == 'integer' and 'format' in node else kind) + suffix,)
        if suffix:
            raise SystemExit(f'{path}: a default or pattern on a {kind}')
        if kind == 'array':
            item = declared(node['items'], path + '[]')
            list_type = node.get('x-kubernetes-list-type', 'atomic')
            map_keys = tuple(node.get('x-kubernetes-list-map-keys', ()))
            if list_type == 'atomic' and not map_keys:
                return ('[]', item)
            # A map list: its items are objects that differ in the keys (listtype/validation.go), each key a
            # required or defaulted scalar field of the item (the API server checks that of the CRD).
            if list_type != 'map' or not map_keys or item[0] != 'object':
                raise SystemExit(f'{path}: list type {list_type} with keys {list(map_keys)}')
            fields = dict(item[1])
            if any(key not in fields or fields[key][0] == '[]' or fields[key][0] == 'map[]' for key in map_keys):
                raise SystemExit(f'{path}: a list-map key that is no scalar field of the item')
            return ('[]', item, map_keys)
        if kind != 'object':
            raise SystemExit(f'{path}: unsupported type {kind}')
        if 'additionalProperties' in node:
            extra = node['additionalProperties']
            if not isinstance(extra, dict) or 'properties' in node or 'required' in node:
                raise SystemExit(f'{path}: additionalProperties must be a schema, without properties or required')
            return ('map[]', declared(extra, path + '[*]'))
        properties = node.get('properties', {})
        required = tuple(sorted(node.get('required', ())))
        if any(name not in properties for name in required):
            raise SystemExit(f'{path}: requires a field it does not declare')
        return ('object', tuple((name, declared(properties[name], join(path, name))) for name in sorted(properties)), required)

    if schema.get('type') != 'object':
        raise SystemExit('the root schema is no object')
    if set(schema.get('required', ())) - META_FIELDS:
        raise SystemExit('the root schema requires a field other than apiVersion, kind and metadata')
    root = ('object', tuple((name, declared(schema['properties'][name], name))
                            for name in sorted(schema['properties']) if name not in META_FIELDS), ())

    # Breadth first, so that each object schema is named by the shortest path where it shows up: the
    # container by spec.initContainers[], not by a path inside it.
    names = {}     # an object's declared fields and required ones -> its entry's name
    entries = {}   # name -> (fields, required)
    queue = [(root, '')]
    while queue:
        node, path = queue.pop(0)
        if node[1:] in names:
            continue
        names[node[1:]] = path
        entries[path] = node[1:]
        for name, child in node[1]:
            child_path = join(path, name)
            while child[0] in ('[]', 'map[]'):
                child_path += '[]' if child[0] == '[]' else '[*]'
                child = child[1]
            if child[0] == 'object' and child[1]:
                queue.append((child, child_path))

    def type_name(node):
        if node[0] in ('[]', 'map[]'):
            return node[0] + type_name(node[1])
        if node[0] == 'object':
            return names[node[1:]] if node[1] else 'object'
        return node[0]

    print('// Generated by scripts/poddefault-crd-fields.py from the PodDefault CRD of Kubeflow 1.10')
    print(f'// (poddefault-crd.kubeflow-v1.10.yaml, {crd["metadata"]["name"]} {version["name"]}, controller-gen {gen}); do not edit.')
    print('//')
    print('// The fields its structural schema declares, by object schema: every other field is pruned when the API server')
    print('// stores a PodDefault. The root entry is `\'\'`; apiVersion, kind and metadata are kept whatever the schema says.')
    print('// A type is `string`, `boolean`, `integer` (or `int32`, `int64`: one of that format, which the API server does not')
    print('// check but the webhook\'s Go field holds), `number`, `int-or-string`, `object` (an object that declares no')
    print('// field: all it holds is pruned), an entry (named by the shortest path where its schema shows up: the container')
    print('// of initContainers and sidecars is `spec.initContainers[]`), or `[]T` (a list of T) or `map[]T`')
    print('// (additionalProperties T) of one; `~NAME` ends a string (or int-or-string) whose string value must match the')
    print('// pattern PODDEFAULT_CRD_PATTERNS[NAME]; `=JSON` ends a field the API server defaults when it is absent or null.')
    print()
    print('/** @internal */')
    print('export const PODDEFAULT_CRD_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {')
    for name, (fields, _) in entries.items():
        body = ', '.join(f"{quote(f)}: {quote_value(type_name(t))}" for f, t in fields)
        print(f"  {quote(name)}: {{{' ' + body + ' ' if body else ''}}},")
    print('};')
    print()
    print('/** The fields each entry requires (its `required`): the API server refuses an object without one of them. @internal */')
    print('export const PODDEFAULT_CRD_REQUIRED: Readonly<Record<string, readonly string[]>> = {')
    for name, (_, required) in entries.items():
        if required:
            print(f"  {quote(name)}: [{', '.join(quote_value(r) for r in required)}],")
    print('};')
    print()
    print('/**')
    print(' * The list fields of each entry that are `x-kubernetes-list-type: map`, with their keys: the API server refuses')
    print(' * two items with the same values of the keys. @internal')
    print(' */')
    print('export const PODDEFAULT_CRD_LIST_MAP_KEYS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {')
    for name, (fields, _) in entries.items():
        lists = [(f, t[2]) for f, t in fields if t[0] == '[]' and len(t) > 2]
        if lists:
            body = ', '.join(f"{quote(f)}: [{', '.join(quote_value(k) for k in keys)}]" for f, keys in lists)
            print(f"  {quote(name)}: {{ {body} }},")
    print('};')
    print()
    print('/** The patterns of string values, by the name a type gives after `~`. @internal */')
    print('export const PODDEFAULT_CRD_PATTERNS: Readonly<Record<string, string>> = {')
    for pattern, name in PATTERNS.items():
        print(f"  {quote(name)}: {quote_value(pattern)},")
    print('};')


def join(path, name):
    return f'{path}.{name}' if path else name


def quote_value(text):
    return "'" + text.replace('\\', '\\\\').replace("'", "\\'") + "'"


if __name__ == '__main__':
    main()
