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
combinator other than int-or-string's anyOf, additionalProperties that is not a schema).
"""
import json
import re
import sys

import yaml

SCALARS = {'string', 'boolean', 'integer', 'number'}
# Keys that change what the API server keeps; anything else (format, pattern, required, list types...) only
# validates. A key outside both sets stops the script, so a new CRD is read, never misread.
VALIDATION_ONLY = {'format', 'pattern', 'required', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type',
                   'description', 'enum', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems',
                   'x-kubernetes-map-type'}
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
        keys = set(node) - VALIDATION_ONLY - {'type', 'properties', 'items', 'additionalProperties', 'default',
                                                'anyOf', 'x-kubernetes-int-or-string'}
        if keys:
            raise SystemExit(f'{path}: unsupported schema keys {sorted(keys)}')
        suffix = ''
        if 'default' in node:
            suffix = '=' + json.dumps(node['default'], separators=(',', ':'))
        if node.get('x-kubernetes-int-or-string'):
            if node.get('anyOf') != [{'type': 'integer'}, {'type': 'string'}]:
                raise SystemExit(f'{path}: unexpected int-or-string schema')
            return ('int-or-string' + suffix,)
        if 'anyOf' in node:
            raise SystemExit(f'{path}: anyOf outside int-or-string')
        kind = node.get('type')
        if kind in SCALARS:
            return (kind + suffix,)
        if suffix:
            raise SystemExit(f'{path}: a default on a {kind}')
        if kind == 'array':
            return ('[]', declared(node['items'], path + '[]'))
        if kind != 'object':
            raise SystemExit(f'{path}: unsupported type {kind}')
        if 'additionalProperties' in node:
            extra = node['additionalProperties']
            if not isinstance(extra, dict) or 'properties' in node:
                raise SystemExit(f'{path}: additionalProperties must be a schema, without properties')
            return ('map[]', declared(extra, path + '[*]'))
        properties = node.get('properties', {})
        return ('object', tuple((name, declared(properties[name], join(path, name))) for name in sorted(properties)))

    if schema.get('type') != 'object':
        raise SystemExit('the root schema is no object')
    root = ('object', tuple((name, declared(schema['properties'][name], name))
                            for name in sorted(schema['properties']) if name not in META_FIELDS))

    # Breadth first, so that each object schema is named by the shortest path where it shows up: the
    # container by spec.initContainers[], not by a path inside it.
    names = {}     # an object's declared fields -> its entry's name
    entries = {}   # name -> {field: type}
    queue = [(root, '')]
    while queue:
        node, path = queue.pop(0)
        if node[1] in names:
            continue
        names[node[1]] = path
        entries[path] = node[1]
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
            return names[node[1]] if node[1] else 'object'
        return node[0]

    print('// Generated by scripts/poddefault-crd-fields.py from the PodDefault CRD of Kubeflow 1.10')
    print(f'// (poddefault-crd.kubeflow-v1.10.yaml, {crd["metadata"]["name"]} {version["name"]}, controller-gen {gen}); do not edit.')
    print('//')
    print('// The fields its structural schema declares, by object schema: every other field is pruned when the API server')
    print('// stores a PodDefault. The root entry is `\'\'`; apiVersion, kind and metadata are kept whatever the schema says.')
    print('// A type is `string`, `boolean`, `integer`, `number`, `int-or-string`, `object` (an object that declares no')
    print('// field: all it holds is pruned), an entry (named by the shortest path where its schema shows up: the container')
    print('// of initContainers and sidecars is `spec.initContainers[]`), or `[]T` (a list of T) or `map[]T`')
    print('// (additionalProperties T) of one; `=JSON` ends a field the API server defaults when it is absent or null.')
    print()
    print('/** @internal */')
    print('export const PODDEFAULT_CRD_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {')
    for name, fields in entries.items():
        body = ', '.join(f"{quote(f)}: {quote_value(type_name(t))}" for f, t in fields)
        print(f"  {quote(name)}: {{{' ' + body + ' ' if body else ''}}},")
    print('};')


def join(path, name):
    return f'{path}.{name}' if path else name


def quote(name):
    return name if re.match(r'^[A-Za-z_$][\w$]*$', name) else "'" + name + "'"


def quote_value(text):
    return "'" + text.replace('\\', '\\\\').replace("'", "\\'") + "'"


if __name__ == '__main__':
    main()
