#!/usr/bin/env python3
"""Writes lib/check/eso-crd-fields.ts: the schema of an ExternalSecret's `spec` and a ClusterExternalSecret's `spec`
in External Secrets Operator's CRDs, version v1 (the one ESO v2.9.0 serves), as the API server validates a custom
resource against it (apiextensions-apiserver pkg/apiserver/validation, kube-openapi pkg/validation/validate).

Usage: scripts/eso-crd-fields.py EXTERNALSECRET_CRD_YAML CLUSTEREXTERNALSECRET_CRD_YAML > lib/check/eso-crd-fields.ts
  (../shared/crds/externalsecret-crd.eso-v2.9.0.yaml and clusterexternalsecret-crd.eso-v2.9.0.yaml; test/check/
  objects-rules.test.ts regenerates the file and compares it with the committed one)

Each object schema is one entry of the table, named by the shortest path where it shows up (the ExternalSecret's
spec first, breadth first, fields in name order); a schema that shows up again (the ClusterExternalSecret's
`externalSecretSpec`, which is the ExternalSecret's spec, `remoteRef` and `extract`) refers to that entry. The
script stops on what the model does not handle (x-kubernetes-preserve-unknown-fields but on an object of properties,
x-kubernetes-validations (CEL), nullable, an embedded resource, a schema combinator, a format the API server validates, an integer or
number (these CRDs' specs hold none), a pattern it has no name for, a list type other than atomic), so a new CRD
is read, never misread. It models: type, enum, required, pattern, minLength, maxLength, minItems, maxItems,
minProperties, maxProperties, and the default of a string (named in the fix of an enum). A default of an object
(`target`'s) holds values its schema allows, so it is left out. `x-kubernetes-map-type: atomic` and
`x-kubernetes-list-type: atomic` validate nothing.

Where a field the CRD does not declare is allowed (the unknown-field rule reports every other: the API server prunes
it, and kubectl's default --validate=strict refuses it): any key of a map (`additionalProperties`, a `map` in the
table: template data, labels, a provider's tags); and any field of an object of `x-kubernetes-preserve-unknown-fields:
true` (`preservesUnknownFields` on its entry; its declared fields are still judged, as apiextensions-apiserver's
pruning/algorithm.go skipPrune does). The v2.9.0 CRDs' specs hold no such object; one that declares no field, or a
value of that flag that is no object, stops the script.
"""
import json
import sys

import yaml

from ts_names import quote

MODELLED = {'type', 'properties', 'items', 'additionalProperties', 'default', 'enum', 'required', 'pattern',
            'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'description',
            'x-kubernetes-map-type', 'x-kubernetes-list-type', 'x-kubernetes-preserve-unknown-fields'}
# The patterns the table names (lib/check/eso-schema.ts says what each asks for).
PATTERNS = {
    r'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$': 'dnsSubdomain',
    r'^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': 'dnsLabel',
    r'^[-._a-zA-Z0-9]+$': 'secretKey',
    r'^(@(annually|yearly|monthly|weekly|daily|midnight|hourly)|@every [^\s]+.*|[^\s]+( [^\s]+){4})$': 'cron',
}


def served(path):
    crd = yaml.safe_load(open(path))
    versions = [v for v in crd['spec']['versions'] if v.get('served')]
    if len(versions) != 1 or versions[0]['name'] != 'v1':
        raise SystemExit(f'{path}: expected v1 alone served, found {[v["name"] for v in versions]}')
    return crd, versions[0]['schema']['openAPIV3Schema']


def declared(node, path):
    """The table's view of `node`: a tuple, refusing what the model does not handle."""
    keys = set(node) - MODELLED
    if keys:
        raise SystemExit(f'{path}: unsupported schema keys {sorted(keys)}')
    kind = node.get('type')
    preserves = node.get('x-kubernetes-preserve-unknown-fields') is True
    if preserves and (kind != 'object' or 'additionalProperties' in node):
        raise SystemExit(f'{path}: x-kubernetes-preserve-unknown-fields on a value that is no object of properties')
    if node.get('x-kubernetes-list-type', 'atomic') != 'atomic' or node.get('x-kubernetes-map-type', 'atomic') != 'atomic':
        raise SystemExit(f'{path}: a list or map type other than atomic')
    checks = {}
    for key in ('minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'):
        if key in node:
            checks[key] = node[key]
    if kind == 'string':
        if 'enum' in node:
            checks['enum'] = list(node['enum'])
        if 'pattern' in node:
            if node['pattern'] not in PATTERNS:
                raise SystemExit(f'{path}: a pattern the table has no name for')
            checks['pattern'] = PATTERNS[node['pattern']]
        if 'default' in node:
            checks['default'] = node['default']
        if set(checks) - {'enum', 'pattern', 'default', 'minLength', 'maxLength'}:
            raise SystemExit(f'{path}: {sorted(checks)} on a string')
        return ('string', checks)
    if 'enum' in node or 'pattern' in node:
        raise SystemExit(f'{path}: an enum or pattern on a {kind}')
    if kind == 'boolean':
        if checks or 'default' in node:
            raise SystemExit(f'{path}: checks on a boolean')
        return ('boolean', checks)
    if kind == 'array':
        if set(checks) - {'minItems', 'maxItems'} or 'default' in node:
            raise SystemExit(f'{path}: {sorted(checks)} on a list')
        return ('list', checks, declared(node['items'], path + '[]'))
    if kind != 'object':
        raise SystemExit(f'{path}: unsupported type {kind}')
    if set(checks) - {'minProperties', 'maxProperties'}:
        raise SystemExit(f'{path}: {sorted(checks)} on an object')
    if 'additionalProperties' in node:
        extra = node['additionalProperties']
        if not isinstance(extra, dict) or 'properties' in node or 'required' in node or checks:
            raise SystemExit(f'{path}: additionalProperties must be a schema, alone')
        return ('map', checks, declared(extra, path + '[*]'))
    properties = node.get('properties', {})
    if not properties:
        raise SystemExit(f'{path}: an object that declares no field')
    if preserves:
        checks['preservesUnknownFields'] = True
    required = tuple(sorted(node.get('required', ())))
    if any(name not in properties for name in required):
        raise SystemExit(f'{path}: requires a field it does not declare')
    fields = tuple((name, declared(properties[name], f'{path}.{name}')) for name in sorted(properties))
    return ('object', tuple(sorted(checks.items())), fields, required)


def key_of(node):
    """A hashable key of an object node, to share entries."""
    return json.dumps(node, sort_keys=True, default=list)


def main():
    es_crd, es = served(sys.argv[1])
    ces_crd, ces = served(sys.argv[2])
    roots = [('ExternalSecret.spec', declared(es['properties']['spec'], 'ExternalSecret.spec')),
             ('ClusterExternalSecret.spec', declared(ces['properties']['spec'], 'ClusterExternalSecret.spec'))]

    names = {}    # key of an object node -> entry name
    entries = {}  # entry name -> object node
    queue = list(roots)
    while queue:
        path, node = queue.pop(0)
        key = key_of(node)
        if key in names:
            continue
        names[key] = path
        entries[path] = node
        for name, child in node[2]:
            child_path = f'{path}.{name}'
            while child[0] in ('list', 'map'):
                child_path += '[]' if child[0] == 'list' else '[*]'
                child = child[2]
            if child[0] == 'object':
                queue.append((child_path, child))
    if names[key_of(roots[1][1][2][[n for n, _ in roots[1][1][2]].index('externalSecretSpec')][1])] != 'ExternalSecret.spec':
        raise SystemExit('the ClusterExternalSecret\'s externalSecretSpec is not the ExternalSecret\'s spec')

    def schema(node):
        checks = dict(node[1]) if node[0] != 'object' else {}
        if node[0] == 'object':
            body = {'type': 'object', 'entry': names[key_of(node)]}
        elif node[0] == 'list':
            body = {'type': 'list', **checks, 'items': schema(node[2])}
        elif node[0] == 'map':
            body = {'type': 'map', 'values': schema(node[2])}
        else:
            body = {'type': node[0], **checks}
        return body

    def ts(value):
        if isinstance(value, dict):
            return '{ ' + ', '.join(f'{quote(k)}: {ts(v)}' for k, v in value.items()) + ' }'
        if isinstance(value, list):
            return '[' + ', '.join(ts(v) for v in value) + ']'
        if isinstance(value, str):
            return "'" + value.replace('\\', '\\\\').replace("'", "\\'") + "'"
        return json.dumps(value)

    gen = es_crd['metadata'].get('annotations', {}).get('controller-gen.kubebuilder.io/version', 'an unknown controller-gen')
    print('// Generated by scripts/eso-crd-fields.py from External Secrets Operator v2.9.0\'s CRDs (externalsecret-crd.eso-v2.9.0.yaml,')
    print(f'// clusterexternalsecret-crd.eso-v2.9.0.yaml: {es_crd["metadata"]["name"]} and {ces_crd["metadata"]["name"]} v1, controller-gen {gen}); do not edit.')
    print('//')
    print('// The schema of each object of an ExternalSecret\'s spec and a ClusterExternalSecret\'s spec, by entry (named by the')
    print('// shortest path where it shows up; the ClusterExternalSecret\'s externalSecretSpec is `ExternalSecret.spec`), with what')
    print('// the API server validates of it: types, enum, required, pattern (by name, ESO_CRD_PATTERNS), lengths and counts. A')
    print('// field an entry does not declare is pruned (or, with kubectl\'s --validate=strict, refused: the unknown-field rule),')
    print('// but any key of a map, and any field of an entry that preservesUnknownFields.')
    print()
    print('/** A value\'s schema. @internal */')
    print('export type EsoSchema =')
    print('  | { readonly type: \'string\'; readonly enum?: readonly string[]; readonly default?: string; readonly pattern?: string; readonly minLength?: number; readonly maxLength?: number }')
    print('  | { readonly type: \'boolean\' }')
    print('  | { readonly type: \'list\'; readonly items: EsoSchema; readonly minItems?: number; readonly maxItems?: number }')
    print('  | { readonly type: \'map\'; readonly values: EsoSchema }')
    print('  | { readonly type: \'object\'; readonly entry: string };')
    print()
    print('/** An object\'s schema: its declared fields, those it requires, and the bounds on how many of them it holds. @internal */')
    print('export interface EsoObject {')
    print('  readonly fields: Readonly<Record<string, EsoSchema>>;')
    print('  readonly required?: readonly string[];')
    print('  readonly minProperties?: number;')
    print('  readonly maxProperties?: number;')
    print('  /** x-kubernetes-preserve-unknown-fields: a field it does not declare is kept, not pruned. */')
    print('  readonly preservesUnknownFields?: boolean;')
    print('}')
    print()
    print('/** @internal */')
    print('export const ESO_CRD_OBJECTS: Readonly<Record<string, EsoObject>> = {')
    for name, node in entries.items():
        print(f'  {quote(name)}: {{')
        print('    fields: {')
        for field, child in node[2]:
            print(f'      {quote(field)}: {ts(schema(child))},')
        print('    },')
        if node[3]:
            print(f'    required: {ts(list(node[3]))},')
        for key, value in node[1]:
            print(f'    {key}: {json.dumps(value)},')
        print('  },')
    print('};')
    print()
    print('/** The patterns of string values, by the name a schema gives. @internal */')
    print('export const ESO_CRD_PATTERNS: Readonly<Record<string, string>> = {')
    for pattern, name in PATTERNS.items():
        print(f'  {quote(name)}: {ts(pattern)},')
    print('};')


if __name__ == '__main__':
    main()
