// The rules on one PodDefault at a time, each fed to checkManifests on its own: the rule that fires and
// its exact message.
import { checkManifests } from '../../lib/check';
import { inputs, line, pd } from './support';

const WHERE = (name: string) => `poddefault ${name} (s0) in namespace team-a`;
const LISTING_FIX = 'select exactly one label with the value "true", or call PodDefaultValidation.allowUnlisted() on it if it is not meant for notebooks';
const PREFIX_RULE = 'the prefix before / must be a lower case DNS subdomain of at most 253 characters';
const NAME_RULE = 'the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit';
const SPAWNER = 'which every notebook pod already has, so the webhook refuses every notebook that selects it';
const WEBHOOK_REFUSES = ', so the webhook refuses every notebook that selects it';
const SPELLED_OTHERWISE = ' (spelled otherwise here: the webhook and the api server compare mount paths as written, and do not refuse it for the path): the container cannot mount both at one directory, so every notebook that selects it is broken';

describe('rules on one PodDefault', () => {
  test.each<[string, any, { rule: string; key?: string; message: string }[]]>([
    ['a well-formed notebook PodDefault', pd('docker-config'), []],
    ['a name of exactly 52 characters', pd('a'.repeat(52)), []],
    ['a name of 53 characters', pd('a'.repeat(53)), [{
      rule: 'name-length', key: 'a'.repeat(53),
      message: `${WHERE('a'.repeat(53))} has a name that is too long: 53 characters, more than the 52 that the kubeflow webhook's pod annotation `
        + 'poddefault.admission.kubeflow.org/poddefault-<name> leaves (at most 63 after the slash): the api server refuses every pod the webhook changes; '
        + 'use a name of at most 52 characters',
    }]],
    ['a name with capitals', pd('MyPD'), [{
      rule: 'name-format', key: 'MyPD',
      message: `${WHERE('MyPD')} has a name that is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit), `
        + 'which the api server requires of a custom resource\'s name; rename it, such as "my-pd"',
    }]],
    ['a name with a dot: a DNS-1123 subdomain, as the api server requires of a custom resource', pd('team.docker'), []],
    ['a name with an underscore', pd('team_docker'), [{
      rule: 'name-format', key: 'team_docker',
      message: `${WHERE('team_docker')} has a name that is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit), `
        + 'which the api server requires of a custom resource\'s name; rename it, such as "team-docker"',
    }]],
    ['no matchLabels', pd('gpu', { selector: {} }), [{
      rule: 'listing',
      message: `${WHERE('gpu')} has no spec.selector.matchLabels, which makes the notebook ui fail to list the configurations of the whole namespace; ${LISTING_FIX}`,
    }]],
    ['two matchLabels keys', pd('gpu', { selector: { matchLabels: { gpu: 'true', tier: 'true' } } }), [{
      rule: 'listing',
      message: `${WHERE('gpu')} has 2 matchLabels keys, but choosing it in the notebook ui sets only the label gpu, so it never applies; ${LISTING_FIX}`,
    }]],
    ['a selector value other than "true"', pd('gpu', { selector: { matchLabels: { gpu: 'yes' } } }), [{
      rule: 'listing',
      message: `${WHERE('gpu')} selects label gpu with a value other than "true", but choosing it in the notebook ui sets gpu: "true", so it never applies; ${LISTING_FIX}`,
    }]],
    ['pod labels with valid keys, one with a prefix', pd('gpu', { labels: { 'tier': 'a', 'example.com/team': 'b' } }), []],
    ['pod labels given as null', pd('gpu', { labels: null }), []],
    ['a pod label value the API server refuses (ValidateObjectMeta of the pod the webhook writes)', pd('gpu', { labels: { team: 'Data Science', tier: '' } }), [{
      rule: 'label-value', key: 'team',
      message: `${WHERE('gpu')} sets the label "team" in spec.labels to a value the api server refuses on every notebook that selects it: `
        + 'a label value must be at most 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit; change the value',
    }]],
    ['pod annotations with valid keys, one with a prefix in upper case, which the API server lower-cases', pd('gpu', { annotations: { 'note': 'x y', 'Example.COM/Owner': 'z' } }), []],
    ['a pod annotation key the API server refuses (ValidateAnnotations of the pod the webhook writes)', pd('gpu', { annotations: { 'my note': 'x', 'ok': 'y' } }), [{
      rule: 'annotation-key', key: '(key not shown, as it may be a secret: 7 characters, a space at character 3)',
      message: `${WHERE('gpu')} has the invalid annotation key (key not shown, as it may be a secret: 7 characters, a space at character 3) in spec.annotations, which the api server refuses on every notebook that selects it `
        + '(it checks the key in lower case as a label key): the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit; rename the key',
    }]],
    // A "/" outside a valid label key is no name's: such a key may be a credential (an AWS secret access key has them), so
    // it is described by its length and its first "/", and the rule's reason says what is wrong; but not a key with a
    // domain prefix (a "." before its first "/"), which no base64 credential is.
    ...([
      ['a/b/c', 'a label key has at most one /', '(key not shown, as it may be a secret: 5 characters, "/" at character 2)'],
      ['a//b', 'a label key has at most one /', '(key not shown, as it may be a secret: 4 characters, "/" at character 2)'],
      ['/b', PREFIX_RULE, '(key not shown, as it may be a secret: 2 characters, "/" at character 1)'],
      ['Example.com/b', PREFIX_RULE, '"Example.com/b"'],
      ['a/', NAME_RULE, '(key not shown, as it may be a secret: 2 characters, "/" at character 2)'],
      ['-a', NAME_RULE, '"-a"'],
    ] as const).map(([key, text, shown]): [string, any, { rule: string; key?: string; message: string }[]] => [`the pod label key ${key}`, pd('gpu', { labels: { [key]: 'x' } }), [{
      rule: 'label-key', key: shown.startsWith('"') ? key : shown,
      message: `${WHERE('gpu')} has the invalid label key ${shown} in spec.labels: ${text}; rename the key`,
    }]]),
    ['the spawner\'s dshm volume', pd('shm', { volumes: [{ name: 'dshm', emptyDir: {} }] }), [{
      rule: 'spawner-volume', key: 'dshm',
      message: `${WHERE('shm')} uses the volume name dshm, ${SPAWNER}; choose another volume name`,
    }]],
    // A path spelled as the pod's own mount is the webhook's to refuse (main.go L313); spelled otherwise, the webhook and the
    // API server compare the strings (kubernetes validation.go ValidateVolumeMounts) and admit the pod with two mounts at one directory.
    ...([['/dev/shm', WEBHOOK_REFUSES], ['/dev//shm/', SPELLED_OTHERWISE]] as const).map(([mountPath, why]): [string, any, { rule: string; key?: string; message: string }[]] => [
      `a mount at ${mountPath}`, pd('shm', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath }] }), [{
        rule: 'spawner-volume', key: '/dev/shm',
        message: `${WHERE('shm')} mounts at /dev/shm, which every notebook pod already has${why}; choose another mount path`,
      }]]),
    // the spawner's workspace: spawner_ui_config.yaml mounts it at /home/jovyan by default (kubeflow/notebooks 177b0986, L153)
    ...([['/home/jovyan', WEBHOOK_REFUSES], ['/home/jovyan/', SPELLED_OTHERWISE], ['/home//jovyan/.', SPELLED_OTHERWISE]] as const)
      .map(([mountPath, why]): [string, any, { rule: string; key?: string; message: string }[]] => [
        `a mount at the notebook workspace, ${mountPath}`, pd('home', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath }] }), [{
          rule: 'spawner-volume', key: '/home/jovyan',
          message: `${WHERE('home')} mounts at /home/jovyan, where the notebook spawner mounts every notebook's workspace volume by default `
            + `(workspaceVolume in its spawner_ui_config.yaml)${why}; mount below it, such as /home/jovyan/.docker/, or elsewhere`,
        }]]),
    // the pod's API token: the ServiceAccount admission plugin mounts it before the mutating webhooks run
    // (kubernetes pkg/kubeapiserver/options/plugins.go, AllOrderedPlugins; plugin/pkg/admission/serviceaccount/admission.go)
    ...([['/var/run/secrets/kubernetes.io/serviceaccount', WEBHOOK_REFUSES], ['/var/run/secrets//kubernetes.io/serviceaccount/', SPELLED_OTHERWISE]] as const)
      .map(([mountPath, why]): [string, any, { rule: string; key?: string; message: string }[]] => [
        `a mount at the pod's API token, ${mountPath}`, pd('token', { volumes: [{ name: 'v', secret: { secretName: 's' } }], volumeMounts: [{ name: 'v', mountPath }] }), [{
          rule: 'spawner-volume', key: '/var/run/secrets/kubernetes.io/serviceaccount',
          message: `${WHERE('token')} mounts at /var/run/secrets/kubernetes.io/serviceaccount, where the api server's ServiceAccount admission mounts `
            + `the pod's API token before any webhook runs${why} (unless its ServiceAccount token is not automounted); mount elsewhere, such as /var/run/secrets/my-credentials`,
        }]]),
    ['a mount beside the pod\'s API token', pd('token', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/var/run/secrets/kubernetes.io/other' }] }), []],
    ['a mount below the notebook workspace', pd('docker', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/home/jovyan/.docker/' }] }), []],
    ['a mount at another home', pd('home', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/home/jovyan2' }] }), []],
  ])('%s', (_, manifest, expected) => {
    // GIVEN one PodDefault WHEN checked THEN exactly the expected rules fire, with their messages
    expect(checkManifests(inputs(manifest)).map(p => ({ rule: p.rule, ...(p.key === undefined ? {} : { key: p.key }), message: line(p) }))).toEqual(expected);
  });

  test.each<[string, any, string]>([
    ['volumes as a mapping', { volumes: { a: 1 } }, 'spec.volumes is a mapping, but the PodDefault CRD declares a list of objects'],
    ['tolerations as a mapping', { tolerations: {} }, 'spec.tolerations is a mapping, but the PodDefault CRD declares a list of objects'],
    ['an env var name as a number', { env: [{ name: 12, value: 'x' }] }, 'spec.env[0].name is a number, but the PodDefault CRD declares a string'],
    ['an env var value as a list, which the API server refuses and the webhook would compare', { env: [{ name: 'A', value: ['x'] }] },
      'spec.env[0].value is a list, but the PodDefault CRD declares a string'],
    ['an env var valueFrom as a string', { env: [{ name: 'A', valueFrom: 'secret' }] }, 'spec.env[0].valueFrom is a string, but the PodDefault CRD declares a mapping'],
    ['matchLabels as a list', { selector: { matchLabels: ['a'] } }, 'spec.selector.matchLabels is a list, but the PodDefault CRD declares a map of strings'],
    ['a pod label value as a number', { labels: { tier: 'gpu', size: 2 } }, 'spec.labels is a mapping, but the PodDefault CRD declares a map of strings'],
    ['a selector label left empty in YAML (null), which the API server drops', { selector: { matchLabels: { 'access-s3': null } } },
      'spec.selector.matchLabels "access-s3" is null (a value left empty in YAML), which the api server drops as it stores the PodDefault, so the map lacks the key (a selector without it selects more pods than meant)'],
    ['a null beside a number keeps the type problem', { labels: { tier: null, size: 2 } }, 'spec.labels is a mapping, but the PodDefault CRD declares a map of strings'],
    ['the second of two list items with a name of the wrong type', { volumes: [{ name: 'a' }, { name: ['b'] }] }, 'spec.volumes[1].name is a list, but the PodDefault CRD declares a string'],
  ])('a field of the wrong type (%s) is one shape problem, and the other rules skip that PodDefault', (_, spec, text) => {
    // GIVEN a PodDefault with a field of the wrong type, beside a well-formed one
    const problems = checkManifests(inputs(pd('odd', spec), pd('docker-config')));
    // THEN one problem names the source, the object and the field, and nothing else is reported
    expect(problems.map(p => [p.rule, p.sources, line(p)])).toEqual([['shape', ['s0'], `s0: PodDefault odd: ${text}; fix the manifest`]]);
  });

  test('allowUnlisted exempts a PodDefault from the listing rule only', () => {
    // GIVEN a PodDefault for pipeline pods, not for notebooks, with a 53-character name
    const manifest = pd('b'.repeat(53), { selector: { matchExpressions: [{ key: 'pipeline', operator: 'Exists' }] } });
    // WHEN checked as allowed to be unlisted
    const problems = checkManifests([{ manifest, source: 's0', allowUnlisted: true }]);
    // THEN the listing rule is silent and the name rule still fires
    expect(problems.map(p => p.rule)).toEqual(['name-length']);
  });
});

describe('unknown-field: a field the PodDefault CRD of Kubeflow 1.10 does not declare', () => {
  // kubectl 1.32 applies with --validate=strict by default: the API server's strict field validation (KEP-2885,
  // GA in Kubernetes 1.27) refuses a custom resource with a field its structural schema lacks ("strict decoding
  // error: unknown field ..."); --validate=warn or false stores it pruned (apiextensions-apiserver pruning).
  const REFUSED = 'kubectl apply refuses the PodDefault (strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the PodDefault';
  const CORE_V1 = 'a core/v1 field the PodDefault CRD of Kubeflow 1.10 does not declare';
  const UNKNOWN = 'a field the PodDefault CRD does not declare';
  const REMOVE = 'remove the field: a PodDefault of Kubeflow 1.10 cannot carry it';
  const CORRECT = 'correct the field\'s name, or remove it';

  test.each<[string, any, { key: string; message: string }[]]>([
    ['an image volume: it reaches the pod as a volume with no source, which the API server makes an emptyDir (SetDefaults_Volume)',
      { volumes: [{ name: 'models', image: { reference: 'registry.example.com/models:1', pullPolicy: 'IfNotPresent' } }] }, [{
        key: 'spec.volumes[0].image',
        message: `${WHERE('a')} sets spec.volumes[0].image, ${CORE_V1}: ${REFUSED}, so volume models reaches the pod with no source, which the api server makes an emptyDir; ${REMOVE}`,
      }]],
    ['a misspelt volume source', { volumes: [{ name: 'creds', secrets: { secretName: 'creds' } }] }, [{
      key: 'spec.volumes[0].secrets',
      message: `${WHERE('a')} sets spec.volumes[0].secrets, ${UNKNOWN}: ${REFUSED}, so volume creds reaches the pod with no source, which the api server makes an emptyDir; rename the field to spec.volumes[0].secret`,
    }]],
    ['an unknown field beside a volume source: the volume keeps its source', { volumes: [{ name: 'creds', secret: { secretName: 'creds' }, note: 'x' }] }, [{
      key: 'spec.volumes[0].note',
      message: `${WHERE('a')} sets spec.volumes[0].note, ${UNKNOWN}: ${REFUSED}; ${CORRECT}`,
    }]],
    ['a sidecar\'s restartPolicy', { sidecars: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }] }, [{
      key: 'spec.sidecars[0].restartPolicy',
      message: `${WHERE('a')} sets spec.sidecars[0].restartPolicy, ${CORE_V1}: ${REFUSED}; ${REMOVE}`,
    }]],
    ['an init container\'s restartPolicy: it is no native sidecar then (KEP-753)', { initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }] }, [{
      key: 'spec.initContainers[0].restartPolicy',
      message: `${WHERE('a')} sets spec.initContainers[0].restartPolicy, ${CORE_V1}: ${REFUSED}, so the init container is no native sidecar: `
        + `the pod's containers start only once it has exited; ${REMOVE}`,
    }]],
    ['the second mount\'s recursiveReadOnly', { volumeMounts: [{ name: 'v', mountPath: '/v' }, { name: 'w', mountPath: '/w', readOnly: true, recursiveReadOnly: 'Enabled' }] }, [{
      key: 'spec.volumeMounts[1].recursiveReadOnly',
      message: `${WHERE('a')} sets spec.volumeMounts[1].recursiveReadOnly, ${CORE_V1}: ${REFUSED}; ${REMOVE}`,
    }]],
    // The CRD requires a mount's mountPath: pruned, the PodDefault is refused all the same (one line: field-type leaves it out).
    ['a misspelt mountPath: the mount has none, which the CRD requires', { volumeMounts: [{ name: 'v', mountpath: '/v' }] }, [{
      key: 'spec.volumeMounts[0].mountpath',
      message: `${WHERE('a')} sets spec.volumeMounts[0].mountpath, ${UNKNOWN}: ${REFUSED}, so spec.volumeMounts[0] has no mountPath, which the PodDefault `
        + `CRD requires: the api server refuses the PodDefault all the same; rename the field to spec.volumeMounts[0].mountPath`,
    }]],
    ['a misspelt mountPath in a sidecar\'s mount', { sidecars: [{ name: 'p', image: 'p', volumeMounts: [{ name: 'v', mount_path: '/v' }] }] }, [{
      key: 'spec.sidecars[0].volumeMounts[0].mount_path',
      message: `${WHERE('a')} sets spec.sidecars[0].volumeMounts[0].mount_path, ${UNKNOWN}: ${REFUSED}, so spec.sidecars[0].volumeMounts[0] has no mountPath, `
        + `which the PodDefault CRD requires: the api server refuses the PodDefault all the same; rename the field to spec.sidecars[0].volumeMounts[0].mountPath`,
    }]],
    ['an env var source core/v1 added after the CRD: valueFrom is left empty, which pod validation refuses (validateEnvVarValueFrom)',
      { env: [{ name: 'TOKEN', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'p', key: 'k' } } }] }, [{
        key: 'spec.env[0].valueFrom.fileKeyRef',
        message: `${WHERE('a')} sets spec.env[0].valueFrom.fileKeyRef, ${CORE_V1}: ${REFUSED}, so the env var's valueFrom names no source, which the api server refuses `
          + `on every notebook that selects the PodDefault; ${REMOVE}`,
      }]],
    ['a misspelt field inside an env var\'s secretKeyRef: the source stays', { env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k', optinal: true } } }] }, [{
      key: 'spec.env[0].valueFrom.secretKeyRef.optinal',
      message: `${WHERE('a')} sets spec.env[0].valueFrom.secretKeyRef.optinal, ${UNKNOWN}: ${REFUSED}; rename the field to spec.env[0].valueFrom.secretKeyRef.optional`,
    }]],
    ['a misspelt envFrom source in a sidecar: the entry names none, which pod validation refuses (ValidateEnvFrom)',
      { sidecars: [{ name: 'p', image: 'p', envFrom: [{ prefix: 'S3_', secretref: { name: 's' } }] }] }, [{
        key: 'spec.sidecars[0].envFrom[0].secretref',
        message: `${WHERE('a')} sets spec.sidecars[0].envFrom[0].secretref, ${UNKNOWN}: ${REFUSED}, so the envFrom entry names no Secret or ConfigMap, which the api server `
          + `refuses on every notebook that selects the PodDefault; rename the field to spec.sidecars[0].envFrom[0].secretRef`,
      }]],
    ['a misspelt spec field', { volumeMount: [{ name: 'v', mountPath: '/v' }] }, [{
      key: 'spec.volumeMount',
      message: `${WHERE('a')} sets spec.volumeMount, ${UNKNOWN}: ${REFUSED}; rename the field to spec.volumeMounts`,
    }]],
    ['a misspelt spec field beside the right one: renaming would write it twice', { volumeMounts: [{ name: 'v', mountPath: '/v' }], volumeMount: [{ name: 'w', mountPath: '/w' }] }, [{
      key: 'spec.volumeMount',
      message: `${WHERE('a')} sets spec.volumeMount, ${UNKNOWN}: ${REFUSED}; remove the field: spec.volumeMounts is set besides`,
    }]],
    ['a field whose name is no identifier, named as JSON in brackets', { env: [{ 'name': 'A', 'value': 'x', 'team.note': 'fake' }] }, [{
      key: 'spec.env[0]["team.note"]',
      message: `${WHERE('a')} sets spec.env[0]["team.note"], ${UNKNOWN}: ${REFUSED}; ${CORRECT}`,
    }]],
    ['a field whose name holds a space, which a name never does: described, not shown', { env: [{ 'name': 'A', 'value': 'x', 'secret value': 'fake' }] }, [{
      key: 'spec.env[0][(key not shown, as it may be a secret: 12 characters, a space at character 7)]',
      message: `${WHERE('a')} sets spec.env[0][(key not shown, as it may be a secret: 12 characters, a space at character 7)], ${UNKNOWN}: ${REFUSED}; ${CORRECT}`,
    }]],
    ['an ephemeral volume\'s claim labels: controller-gen declared its metadata with no field', {
      volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { metadata: { labels: { team: 'ml' } }, spec: { accessModes: ['ReadWriteOnce'] } } } }],
    }, [{
      key: 'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels',
      message: `${WHERE('a')} sets spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels, ${CORE_V1}: ${REFUSED}; ${REMOVE}`,
    }]],
    ['a field beside spec', { status: { phase: 'x' } }, [{
      key: 'status.phase',
      message: `${WHERE('a')} sets status.phase, ${UNKNOWN}: ${REFUSED}; ${CORRECT}`,
    }]],
  ])('%s', (_, fields, expected) => {
    // GIVEN one PodDefault with the field (status beside spec, the rest in spec)
    const { status, ...spec } = fields;
    const manifest = status === undefined ? pd('a', spec) : { ...pd('a', spec), status };
    // WHEN checked THEN one unknown-field problem per field, named by its path, never its value
    const problems = checkManifests(inputs(manifest));
    expect(problems.map(p => ({ rule: p.rule, key: p.key!, message: line(p) }))).toEqual(expected.map(e => ({ rule: 'unknown-field', ...e })));
    for (const p of problems) { expect(line(p)).not.toMatch(/fake|registry\.example\.com|Always|Enabled/); }
  });

  test.each<[string, any, { key: string | undefined; message: string }[]]>([
    // The CRD requires a PodDefault's selector: misspelt, it is one line (field-type leaves its own out), naming the field meant.
    ['a misspelt selector: the PodDefault has none, which the CRD requires', { spec: { desc: 'a', selecter: { matchLabels: { a: 'true' } } } }, [{
      key: 'spec.selecter',
      message: `${WHERE('a')} sets spec.selecter, ${UNKNOWN}: ${REFUSED}, so spec has no selector, which the PodDefault CRD requires: the api server refuses `
        + 'the PodDefault all the same; rename the field to spec.selector',
    }]],
    // `Spec` is pruned whole: the PodDefault is stored with no spec, which the listing rule reports too.
    ['spec with a capital letter', { Spec: { desc: 'a', selector: { matchLabels: { a: 'true' } } } }, [{
      key: 'Spec',
      message: `${WHERE('a')} sets Spec, ${UNKNOWN}: ${REFUSED}; rename the field to spec`,
    }, {
      key: undefined,
      message: `${WHERE('a')} has no spec.selector.matchLabels, which makes the notebook ui fail to list the configurations of the whole namespace; `
        + 'select exactly one label with the value "true", or call PodDefaultValidation.allowUnlisted() on it if it is not meant for notebooks',
    }]],
  ])('%s: the line names the field meant', (_, fields, expected) => {
    // GIVEN a PodDefault whose spec, or a field the CRD requires in it, is misspelt
    const manifest = { apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'a', namespace: 'team-a' }, ...fields };
    // WHEN checked
    const problems = checkManifests(inputs(manifest));
    // THEN the unknown field's fix renames it to the field the CRD declares there
    expect(problems.map(p => ({ key: p.key, message: line(p) }))).toEqual(expected);
  });

  test.each<[string, any, { rule: string; key: string | undefined; message: string }[]]>([
    // dataSourceRf is one edit from dataSourceRef, two from dataSource, which the CRD declares first.
    ['a misspelling nearer the second of two fields spelt alike', { volumes: [{ name: 'v', ephemeral: { volumeClaimTemplate: { spec: {
      accessModes: ['ReadWriteOnce'], dataSourceRf: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' } } } } }] }, [{
      rule: 'unknown-field',
      key: 'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRf',
      message: `${WHERE('a')} sets spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRf, ${UNKNOWN}: ${REFUSED}; `
        + 'rename the field to spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRef',
    }]],
    // secreName is one edit from secretName (set), two from shareName (required, missing): a misspelt secretName, the
    // missing shareName its own line.
    ['a misspelling of a field set besides, two edits from a missing required one', { volumes: [{ name: 'v', azureFile: { secretName: 's', secreName: 't' } }] }, [{
      rule: 'unknown-field',
      key: 'spec.volumes[0].azureFile.secreName',
      message: `${WHERE('a')} sets spec.volumes[0].azureFile.secreName, ${UNKNOWN}: ${REFUSED}; remove the field: spec.volumes[0].azureFile.secretName is set besides`,
    }, {
      rule: 'field-type',
      key: 'spec.volumes[0].azureFile.shareName',
      message: `${WHERE('a')} has no shareName in spec.volumes[0].azureFile, which the PodDefault CRD requires: the api server refuses the PodDefault, `
        + 'so kubectl apply fails (whatever its --validate) and no notebook gets what it adds; set shareName',
    }]],
  ])('%s: the field meant is the nearest', (_, spec, expected) => {
    // GIVEN a PodDefault with a field two declared fields are spelt alike to
    // WHEN checked
    const problems = checkManifests(inputs(pd('a', spec)));
    // THEN the fix names the field it is nearest, and a required field it is farther from keeps its line
    expect(problems.map(p => ({ rule: p.rule, key: p.key, message: line(p) }))).toEqual(expected);
  });

  test('every field is reported, in document order, and the other rules read the PodDefault as stored', () => {
    // GIVEN two PodDefaults whose sidecars differ only in fields the CRD lacks (or a port protocol it defaults)
    const sidecar = (extra: any) => ({ sidecars: [{ name: 'proxy', image: 'proxy:1', ports: [{ containerPort: 8080 }], ...extra }] });
    const problems = checkManifests(inputs(
      pd('a', sidecar({ restartPolicy: 'Always', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })),
      pd('b', sidecar({ ports: [{ containerPort: 8080, protocol: 'TCP' }] })),
    ));
    // THEN the webhook, reading them as stored, sees one sidecar: no sidecar clash, only a's two unknown fields
    expect(problems.map(p => [p.rule, p.sources, p.key])).toEqual([
      ['unknown-field', ['s0'], 'spec.sidecars[0].restartPolicy'],
      ['unknown-field', ['s0'], 'spec.sidecars[0].resizePolicy'],
    ]);
  });

  test('a misspelt selector field: the selector as stored is judged, and it refuses every pod of the namespace', () => {
    // GIVEN `value` for `values` in a matchExpressions entry: stored, the In requirement has no values
    const problems = checkManifests(inputs(pd('a', { selector: { matchLabels: { a: 'true' }, matchExpressions: [{ key: 'tier', operator: 'In', value: ['gpu'] }] } })));
    // THEN the field is named, and the selector rule judges the requirement without it
    expect(problems.map(p => [p.rule, p.key, line(p)])).toEqual([
      ['unknown-field', 'spec.selector.matchExpressions[0].value', `${WHERE('a')} sets spec.selector.matchExpressions[0].value, ${UNKNOWN}: ${REFUSED}; rename the field to spec.selector.matchExpressions[0].values`],
      ['selector', 'tier', `${WHERE('a')} has an invalid selector (matchExpressions key tier: operator In needs values), which makes the webhook refuse every pod `
        + 'of the namespace; fix the selector'],
    ]);
  });

  test('a field of the wrong type is the shape rule\'s alone', () => {
    const problems = checkManifests(inputs(pd('a', { volumes: { a: 1 }, typo: 1 })));
    expect(problems.map(p => p.rule)).toEqual(['shape']);
  });
});

describe('field-type: a field the PodDefault CRD of Kubeflow 1.10 declares, of a type (or form) its schema refuses, or missing', () => {
  // apiextensions-apiserver validates a custom resource against its CRD's schema once pruned and its nulls dropped
  // (kube-openapi pkg/validation/validate: type.go, object_validator.go for required, stringValidator for pattern;
  // pkg/apiserver/schema/listtype/validation.go for a map list), whatever kubectl's --validate.
  const REFUSED = 'the api server refuses the PodDefault, so kubectl apply fails (whatever its --validate) and no notebook gets what it adds';
  const sidecar = (extra: any) => ({ sidecars: [{ name: 'proxy', image: 'proxy:1', ...extra }] });
  const STORED = 'the api server takes it for an integer (kube-openapi\'s IsFloat64AJSONInteger) and stores the fraction, which the webhook cannot decode into '
    + 'its integer field, so it refuses every pod of the namespace, whichever PodDefaults it selects';
  const STORED_INT32 = 'the api server stores it (it checks an integer against 64 bits only), which the webhook cannot decode into its 32-bit integer field '
    + '(Go\'s int32), so it refuses every pod of the namespace, whichever PodDefaults it selects';

  test.each<[string, any, [string, string][]]>([
    // integer
    ['a port number in quotes', sidecar({ ports: [{ containerPort: '8080' }] }), [['spec.sidecars[0].ports[0].containerPort',
      `has a string at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: ${REFUSED}; write the number without quotes`]]],
    ['a fraction for an integer', sidecar({ livenessProbe: { initialDelaySeconds: 1.5, exec: { command: ['true'] } } }), [['spec.sidecars[0].livenessProbe.initialDelaySeconds',
      `has a number with a fraction at spec.sidecars[0].livenessProbe.initialDelaySeconds, where the PodDefault CRD declares an integer: ${REFUSED}; write a whole number`]]],
    ['a boolean for an integer', { volumes: [{ name: 'v', secret: { secretName: 's', defaultMode: true } }] }, [['spec.volumes[0].secret.defaultMode',
      `has a boolean at spec.volumes[0].secret.defaultMode, where the PodDefault CRD declares an integer: ${REFUSED}; write an integer`]]],
    ['a whole number past int64 (kubectl sends it as a float the API server refuses past 2^53)', sidecar({ ports: [{ containerPort: 2 ** 64 }] }),
      [['spec.sidecars[0].ports[0].containerPort',
        `has a whole number beyond 64 bits at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: ${REFUSED}; write a number the field can hold`]]],
    ['YAML 1.0 (read as 1) is an integer, and int32\'s bounds fit', sidecar({ ports: [{ containerPort: 1.0 }, { containerPort: 2 ** 31 - 1 }, { containerPort: -(2 ** 31) }] }), []],
    // The API server strips format int32 (apiextensions-apiserver v0.32.0 StripUnsupportedFormatsPostProcess) and checks
    // 64 bits: it stores 2^40, which the webhook's corev1.ContainerPort.ContainerPort, an int32, cannot decode
    // (sigs.k8s.io/json decode.go literalStore, OverflowInt: "cannot unmarshal number 1099511627776 ... of type int32").
    ['a whole number past int32 in a field of format int32', sidecar({ ports: [{ containerPort: 2 ** 40 }] }), [['spec.sidecars[0].ports[0].containerPort',
      `has a whole number beyond 32 bits at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: ${STORED_INT32}; `
        + 'write a whole number from -2147483648 to 2147483647']]],
    ['one past int32 at either end, in a volume\'s defaultMode and a probe\'s seconds',
      { volumes: [{ name: 'v', secret: { secretName: 's', defaultMode: 2 ** 31 } }], ...sidecar({ livenessProbe: { periodSeconds: -(2 ** 31) - 1, exec: { command: ['true'] } } }) },
      [['spec.volumes[0].secret.defaultMode', `has a whole number beyond 32 bits at spec.volumes[0].secret.defaultMode, where the PodDefault CRD declares an integer: `
        + `${STORED_INT32}; write a whole number from -2147483648 to 2147483647`],
      ['spec.sidecars[0].livenessProbe.periodSeconds', 'has a whole number beyond 32 bits at spec.sidecars[0].livenessProbe.periodSeconds, where the PodDefault CRD '
        + `declares an integer: ${STORED_INT32}; write a whole number from -2147483648 to 2147483647`]]],
    // intstr.IntOrString's integer is an int32 (IntVal, k8s.io/apimachinery pkg/util/intstr/intstr.go UnmarshalJSON).
    ['a whole number past int32 for an int-or-string port', sidecar({ readinessProbe: { httpGet: { port: 2 ** 32 } } }), [['spec.sidecars[0].readinessProbe.httpGet.port',
      'has a whole number beyond 32 bits at spec.sidecars[0].readinessProbe.httpGet.port, where the PodDefault CRD declares an integer or a string: '
        + `${STORED_INT32}; write a whole number from -2147483648 to 2147483647`]]],
    // int64 fields (format int64) hold any integer the API server stores; a quantity, any number (resource.Quantity).
    ['a whole number past int32 in a field of format int64, or in a quantity: stored and decoded',
      { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2 ** 40 }], ...sidecar({ securityContext: { runAsUser: 2 ** 40 }, resources: { limits: { memory: 2 ** 40 } } }) }, []],
    // kube-openapi takes a fraction within 1e-9 of a whole number, relatively, for an integer (swag v0.23.0
    // IsFloat64AJSONInteger): the API server stores it, and the webhook cannot decode it (stored-pod-default.ts).
    ['a fraction within 1e-9 of a whole number for an integer', sidecar({ ports: [{ containerPort: 8080.000001 }] }), [['spec.sidecars[0].ports[0].containerPort',
      'has a number with a tiny fraction (under 1e-9 of the number) at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: '
        + `${STORED}; write a whole number`]]],
    ['a fraction within 1e-9 of a whole number for an int-or-string port', sidecar({ readinessProbe: { tcpSocket: { port: 80.00000001 } } }),
      [['spec.sidecars[0].readinessProbe.tcpSocket.port', 'has a number with a tiny fraction (under 1e-9 of the number) at spec.sidecars[0].readinessProbe.tcpSocket.port, '
        + `where the PodDefault CRD declares an integer or a string: ${STORED}; write a whole number, or quote it (a quantity such as "500m")`]]],
    ['a fraction within 1e-9 of a whole number for a quantity: stored, and resource.Quantity reads it', sidecar({ resources: { limits: { cpu: 2.000000001 } } }), []],
    ['a fraction just past 1e-9 of a whole number', sidecar({ ports: [{ containerPort: 1.000000003 }] }), [['spec.sidecars[0].ports[0].containerPort',
      `has a number with a fraction at spec.sidecars[0].ports[0].containerPort, where the PodDefault CRD declares an integer: ${REFUSED}; write a whole number`]]],
    // boolean
    ['readOnly in quotes', { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: 'true' }] }, [['spec.volumeMounts[0].readOnly',
      `has a string at spec.volumeMounts[0].readOnly, where the PodDefault CRD declares true or false: ${REFUSED}; write true or false, without quotes`]]],
    // string
    ['a number for a string', sidecar({ image: 1 }), [['spec.sidecars[0].image',
      `has a number at spec.sidecars[0].image, where the PodDefault CRD declares a string: ${REFUSED}; quote the value`]]],
    // int-or-string, with the quantity pattern
    ['a named probe port is fine', sidecar({ readinessProbe: { httpGet: { port: 'http' } } }), []],
    ['a fraction for an int-or-string port', sidecar({ readinessProbe: { tcpSocket: { port: 80.5 } } }), [['spec.sidecars[0].readinessProbe.tcpSocket.port',
      `has a number with a fraction at spec.sidecars[0].readinessProbe.tcpSocket.port, where the PodDefault CRD declares an integer or a string: ${REFUSED}; `
        + 'write a whole number, or quote it (a quantity such as "500m")']]],
    ['a cpu limit of 0.5, unquoted: no integer, no string', sidecar({ resources: { limits: { cpu: 0.5 } } }), [['spec.sidecars[0].resources.limits.cpu',
      `has a number with a fraction at spec.sidecars[0].resources.limits.cpu, where the PodDefault CRD declares an integer or a string: ${REFUSED}; `
        + 'write a whole number, or quote it (a quantity such as "500m")']]],
    ['a memory limit that is no quantity', sidecar({ resources: { requests: { memory: '1 GB' } } }), [['spec.sidecars[0].resources.requests.memory',
      `sets spec.sidecars[0].resources.requests.memory to a string that is no quantity, where the PodDefault CRD's pattern asks for one: ${REFUSED}; write a quantity, such as 500m, 2Gi or 1.5`]]],
    ['quantities as strings and integers are fine', sidecar({ resources: { limits: { 'cpu': '500m', 'memory': '2Gi', 'nvidia.com/gpu': 1 }, requests: { cpu: '.5', memory: '1e3' } } }), []],
    ['an emptyDir sizeLimit that is no quantity', { volumes: [{ name: 'v', emptyDir: { sizeLimit: '1GB' } }] }, [['spec.volumes[0].emptyDir.sizeLimit',
      `sets spec.volumes[0].emptyDir.sizeLimit to a string that is no quantity, where the PodDefault CRD's pattern asks for one: ${REFUSED}; write a quantity, such as 500m, 2Gi or 1.5`]]],
    // object, list, map
    ['a mapping for a list', sidecar({ ports: {} }), [['spec.sidecars[0].ports',
      `has a mapping at spec.sidecars[0].ports, where the PodDefault CRD declares a list: ${REFUSED}; write a list, each item on a line that starts with -`]]],
    ['a string for a mapping', { volumes: [{ name: 'v', secret: 'creds' }] }, [['spec.volumes[0].secret',
      `has a string at spec.volumes[0].secret, where the PodDefault CRD declares a mapping: ${REFUSED}; write a mapping`]]],
    ['a list for a map', sidecar({ resources: { limits: ['1'] } }), [['spec.sidecars[0].resources.limits',
      `has a list at spec.sidecars[0].resources.limits, where the PodDefault CRD declares a mapping: ${REFUSED}; write a mapping`]]],
    ['a number for status, an object that declares no field', { status: 1 }, [['status',
      `has a number at status, where the PodDefault CRD declares a mapping: ${REFUSED}; write a mapping`]]],
    // null: dropped from a field or map value (then maybe missing), refused as a list item
    ['a null list item (an empty item in YAML)', sidecar({ args: ['--a', null] }), [['spec.sidecars[0].args[1]',
      `has null at spec.sidecars[0].args[1], where the PodDefault CRD declares a string: ${REFUSED}; remove the empty item, or give it a value`]]],
    ['a null optional field is dropped, not refused', { volumes: [{ name: 'v', secret: { secretName: 's', optional: null } }] }, []],
    ['a required field left empty (null) is missing', { volumeMounts: [{ name: 'v', mountPath: null }] }, [['spec.volumeMounts[0].mountPath',
      `has no mountPath in spec.volumeMounts[0], which the PodDefault CRD requires: ${REFUSED}; set mountPath`]]],
    // required
    ['a mount without mountPath', { volumeMounts: [{ name: 'v' }] }, [['spec.volumeMounts[0].mountPath',
      `has no mountPath in spec.volumeMounts[0], which the PodDefault CRD requires: ${REFUSED}; set mountPath`]]],
    ['an env var without name', { env: [{ value: 'x' }] }, [['spec.env[0].name',
      `has no name in spec.env[0], which the PodDefault CRD requires: ${REFUSED}; set name`]]],
    ['a sidecar without name', { sidecars: [{ image: 'proxy:1' }] }, [['spec.sidecars[0].name',
      `has no name in spec.sidecars[0], which the PodDefault CRD requires: ${REFUSED}; set name`]]],
    ['a port without containerPort', sidecar({ ports: [{ name: 'http' }] }), [['spec.sidecars[0].ports[0].containerPort',
      `has no containerPort in spec.sidecars[0].ports[0], which the PodDefault CRD requires: ${REFUSED}; set containerPort`]]],
    ['a matchExpression without operator: the field-type rule\'s line, not the selector rule\'s',
      { selector: { matchLabels: { a: 'true' }, matchExpressions: [{ key: 'tier' }] } }, [['spec.selector.matchExpressions[0].operator',
        `has no operator in spec.selector.matchExpressions[0], which the PodDefault CRD requires: ${REFUSED}; set operator`]]],
    ['matchExpression values that are no list (it crashed the selector parse)', { selector: { matchLabels: { a: 'true' }, matchExpressions: [{ key: 'k', operator: 'In', values: 'gpu' }] } },
      [['spec.selector.matchExpressions[0].values', `has a string at spec.selector.matchExpressions[0].values, where the PodDefault CRD declares a list: ${REFUSED}; `
        + 'write a list, each item on a line that starts with -']]],
    ['a spec without selector', { selector: undefined }, [['spec.selector', `has no selector in spec, which the PodDefault CRD requires: ${REFUSED}; set selector`]]],
    ['a volume source\'s required field', { volumes: [{ name: 'v', persistentVolumeClaim: { readOnly: true } }] }, [['spec.volumes[0].persistentVolumeClaim.claimName',
      `has no claimName in spec.volumes[0].persistentVolumeClaim, which the PodDefault CRD requires: ${REFUSED}; set claimName`]]],
    // a map list: a container's ports, keyed by containerPort and protocol (defaulted to TCP)
    ['two ports alike once protocol is defaulted', sidecar({ ports: [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'TCP' }] }), [['spec.sidecars[0].ports[1]',
      `has spec.sidecars[0].ports[1] with the same containerPort and protocol as spec.sidecars[0].ports[0] (a port without protocol is TCP), `
        + `which the PodDefault CRD forbids (x-kubernetes-list-type: map): ${REFUSED}; remove one of them, or change its containerPort and protocol`]]],
    ['one port over TCP and UDP is fine', sidecar({ ports: [{ containerPort: 53 }, { containerPort: 53, protocol: 'UDP' }] }), []],
  ])('%s', (_, spec, expected) => {
    // GIVEN one PodDefault with the field (status beside spec, the rest in spec)
    const { status, ...fields } = spec;
    const manifest = status === undefined ? pd('a', fields) : { ...pd('a', fields), status };
    if (fields.selector === undefined && 'selector' in fields) { delete manifest.spec.selector; }
    // WHEN checked
    const problems = checkManifests(inputs(manifest));
    // THEN one field-type problem per field, named by its path, never its value
    expect(problems.map(p => [p.key, line(p)])).toEqual(expected.map(([key, text]) => [key, `${WHERE('a')} ${text}`]));
    expect(problems.every(p => p.rule === 'field-type')).toBe(true);
  });

  test('a misspelt required field is one line, unknown-field\'s, which says the PodDefault is refused all the same', () => {
    const problems = checkManifests(inputs(pd('a', { env: [{ Name: 'A', value: 'x' }] })));
    expect(problems.map(p => [p.rule, p.key])).toEqual([['unknown-field', 'spec.env[0].Name']]);
    expect(line(problems[0])).toContain('so spec.env[0] has no name, which the PodDefault CRD requires: the api server refuses the PodDefault all the same');
  });

  test('a refused PodDefault is left out of the rules across PodDefaults: the webhook never sees it', () => {
    // GIVEN two PodDefaults adding the same volume differently, one of which lacks a mount's mountPath
    const a = pd('a', { volumes: [{ name: 'creds', secret: { secretName: 'a' } }], volumeMounts: [{ name: 'creds' }] });
    const b = pd('b', { volumes: [{ name: 'creds', secret: { secretName: 'b' } }], volumeMounts: [{ name: 'creds', mountPath: '/b' }] });
    b.spec.selector = a.spec.selector;
    // WHEN checked THEN only a's missing field is reported, no volume clash
    const problems = checkManifests(inputs(a, b));
    expect(problems.map(p => [p.rule, p.key])).toEqual([['field-type', 'spec.volumeMounts[0].mountPath']]);
    // AND without the defect, the clash is there
    a.spec.volumeMounts[0].mountPath = '/a';
    expect(checkManifests(inputs(a, b)).map(p => p.rule)).toContain('volume');
  });

  test('a field of the wrong type that shape reads stays shape\'s one line', () => {
    const problems = checkManifests(inputs(pd('a', { volumes: [{ name: 1 }], sidecars: [{ image: 1 }] })));
    expect(problems.map(p => p.rule)).toEqual(['shape']);
  });

  test('the messages hold no value', () => {
    const problems = checkManifests(inputs(pd('a', sidecar({ image: 12345, ports: [{ containerPort: 'fake-port' }], resources: { limits: { memory: 'fake-quantity' } } }))));
    expect(problems).toHaveLength(3);
    for (const p of problems) { expect(line(p)).not.toMatch(/fake|12345/); }
  });
});

describe('annotation-size of the notebook a PodDefault changes', () => {
  // The webhook (kubeflow/kubeflow v1.10.0 components/admission-webhook/main.go, applyPodDefaultsOnPod) merges
  // spec.annotations into the pod's (mergeMap: the pod's own first, each key once), then sets
  // poddefault.admission.kubeflow.org/poddefault-<name> to the PodDefault's resourceVersion (at least one digit). The
  // API server then validates the pod (ValidateAnnotationsSize, k8s.io/apimachinery v0.32.9 objectmeta.go: the sum of
  // len(key) + len(value) in bytes, at most 262144): so a PodDefault whose annotations and marker alone exceed it
  // makes the API server refuse every notebook that selects it, whatever annotations the notebook has of its own.
  const LIMIT = 262144;
  const MARKER = 'poddefault.admission.kubeflow.org/poddefault-notes';
  /** The bytes of the least the pod gets: spec.annotations, and the marker with a resourceVersion of one digit. */
  const least = (value: string) => 'note'.length + Buffer.byteLength(value) + MARKER.length + 1;

  test('at the limit with its marker: nothing', () => {
    const value = 'x'.repeat(LIMIT - 'note'.length - MARKER.length - 1);
    expect(least(value)).toBe(LIMIT);
    expect(checkManifests(inputs(pd('notes', { annotations: { note: value } })))).toEqual([]);
  });

  test('one byte over with its marker: refused, by size alone', () => {
    // GIVEN a PodDefault whose one annotation and the webhook's marker make 262145 bytes
    const value = 'x'.repeat(LIMIT - 'note'.length - MARKER.length);
    // WHEN checked
    const problems = checkManifests(inputs(pd('notes', { annotations: { note: value } })));
    // THEN
    expect(problems).toEqual([{
      rule: 'annotation-size', namespace: 'team-a', sources: ['s0'], key: 'spec.annotations',
      message: `${WHERE('notes')} gives each notebook it selects ${LIMIT + 1 - MARKER.length - 1} bytes of annotations in spec.annotations (keys and values), `
        + `and the webhook adds ${MARKER} with the PodDefault's resourceVersion: at least ${LIMIT + 1} bytes, more than the ${LIMIT} (256 KiB) the api server `
        + 'allows in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects the PodDefault',
      fix: `remove annotations from spec.annotations, or move their values elsewhere (a ConfigMap the notebook mounts), to well under ${LIMIT} bytes`,
    }]);
    expect(JSON.stringify(problems)).not.toContain('xxxx');
  });

  test('over with its marker in bytes of UTF-8, though its annotations alone are under the limit in characters and in bytes', () => {
    // GIVEN a PodDefault whose one annotation is 87377 euro signs (3 bytes of UTF-8 each, one UTF-16 unit): 262135 bytes
    // with its key, 262186 with the marker and a one-digit resourceVersion; 87381 characters
    const value = '\u20ac'.repeat(87377);
    expect(least(value)).toBe(LIMIT + 42);
    // WHEN checked
    const problems = checkManifests(inputs(pd('notes', { annotations: { note: value } })));
    // THEN refused, its size counted in bytes (Go's len), not in characters
    expect(problems.map(p => [p.rule, p.key])).toEqual([['annotation-size', 'spec.annotations']]);
    expect(problems[0].message).toContain(`gives each notebook it selects ${4 + 3 * 87377} bytes of annotations in spec.annotations`);
    expect(problems[0].message).toContain(`at least ${LIMIT + 42} bytes`);
    expect(JSON.stringify(problems)).not.toContain('\u20ac\u20ac');
  });

  test('its own marker key in spec.annotations counts once: the webhook overwrites it', () => {
    const value = 'x'.repeat(LIMIT - MARKER.length - 1);
    expect(checkManifests(inputs(pd('notes', { annotations: { [MARKER]: value } })))).toEqual([]);
  });

  test('three bytes a character: counted in bytes, not in characters', () => {
    // GIVEN a PodDefault whose one annotation is 87377 euro signs (3 bytes each in UTF-8): 87381 characters with its
    // key, so at most 262143 bytes by 3 a character, but 262135 bytes, and 262186 with the marker
    const value = '\u20ac'.repeat(87377);
    expect(least(value)).toBe(262186);
    // WHEN checked
    const problems = checkManifests(inputs(pd('notes', { annotations: { note: value } })));
    // THEN refused for its bytes (the rule counted the characters, 87381, and found nothing)
    expect(problems.map(p => [p.rule, p.key])).toEqual([['annotation-size', 'spec.annotations']]);
    expect(problems[0].message).toContain(`gives each notebook it selects 262135 bytes of annotations in spec.annotations (keys and values), and the webhook adds ${MARKER} `
      + "with the PodDefault's resourceVersion: at least 262186 bytes");
  });
});
