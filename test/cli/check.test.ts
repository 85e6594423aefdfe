// The `check` command, the CLI door to the app-wide check: it reads what the tools around it write
// (kubectl's YAML and JSON, cdk8s's output directory) and reports what the check finds. In-process
// through main(argv, io), and as the real binary for what only a process has.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runMain } from './cli-io';
import { errorExpectation, expectOutput } from './cli-results';
import { buildCli, removeCli } from './cli-runner';
import { GOLDEN_DIR } from '../support';

// Each run starts Node and loads cdk8s; concurrent tests wait for a slot, so allow for a busy machine.
jest.setTimeout(60_000);
const cliDir = buildCli();
afterAll(() => removeCli(cliDir));

const secrets = mkdtempSync(path.join(tmpdir(), 'cli-check-test-'));
const golden = (name: string) => readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8');
const cliFixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'cli', name);
const cli = (args: string[], options?: Parameters<typeof runMain>[1]) => runMain(args, options);

/** Every fake secret of these tests starts so; none may show in an error. */
const expectErrors = errorExpectation(['fake-']);

describe('check', () => {
  test.concurrent('a consistent set passes', async () => {
    // GIVEN the library's own output for three constructs of one profile
    const files = ['docker-tutorial', 'aws-file-tutorial', 'minio-defaults'].map(n => path.join(GOLDEN_DIR, `${n}.yaml`));
    // WHEN THEN
    expectOutput(await cli(['check', ...files]), 'ok: 5 objects, 3 PodDefaults in 1 namespace, no problems\n');
  });

  test.concurrent('every problem of a conflicting set is reported, each naming the objects by file and document', async () => {
    // GIVEN two teams' clashing PodDefaults, a duplicate Secret and an unlisted PodDefault
    const file = path.relative(path.join(__dirname, '..', '..'), cliFixture('conflicting.yaml'));
    // WHEN
    const lines = expectErrors(await cli(['check', file]), 1, 'cdk8s-kubeflow-access check');
    // THEN
    const at = (n: number) => `${file}#${n}`;
    expect(lines).toHaveLength(6);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^${esc(at(3))} and ${esc(at(4))} are both Secret team-a .* in namespace user`)),
      expect.stringMatching(new RegExp(`^poddefault pipelines \\(${esc(at(5))}\\) in namespace user has no spec.selector.matchLabels.*--allow-unlisted`)),
      expect.stringMatching(new RegExp(`^volume shared differs between poddefaults team-a \\(${esc(at(1))}\\) and team-b \\(${esc(at(2))}\\)`)),
      expect.stringMatching(/^env var FAKE_TOKEN differs between poddefaults team-a .* and team-b /),
      expect.stringMatching(/^the mount of volume shared differs between poddefaults team-a .* and team-b /),
      expect.stringMatching(/^mount paths \/home\/kubeflow\/.config of poddefault team-a .* and \/home\/kubeflow\/.config\/ of poddefault team-b .* same directory/),
    ]));
  });

  test.concurrent('--allow-unlisted exempts a PodDefault from the listing rule', async () => {
    const lines = expectErrors(await cli(['check', '--allow-unlisted', 'user/pipelines', cliFixture('conflicting.yaml')]), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).not.toContain('pipelines');
  });

  /** `kubectl get poddefaults -o yaml` of the golden file's PodDefault, without its namespace, `edit` applied. */
  function clusterList(goldenName: string, edit: (podDefault: string) => string = d => d): string {
    const documents = golden(goldenName).split('---\n');
    const podDefault = edit(documents.find(d => d.includes('kind: PodDefault\n'))!);
    return `apiVersion: v1\nkind: List\nitems:\n${podDefault
      .replace(/^ {2}namespace: user\n/m, '').replace(/^/gm, '    ').replace(/^ {4}apiVersion/m, '  - apiVersion')}`;
  }

  test.concurrent('a later input updates the objects of an earlier one, as kubectl apply would', async () => {
    // GIVEN the cluster's PodDefault minio on stdin (an older endpoint), and the new one of the same name in a file
    const cluster = clusterList('minio-defaults', d => d.replace('minio-service.kubeflow:9000', 'old-minio.kubeflow:9000'));
    // WHEN the default namespace is the profile's
    const result = await cli(['check', '--namespace', 'user', '-', path.join(GOLDEN_DIR, 'minio-defaults.yaml')], { stdin: cluster });
    // THEN the file's PodDefault replaces the cluster's: one PodDefault, no duplicate
    expectOutput(result, 'ok: 1 object, 1 PodDefault in 1 namespace, no problems\n');
  });

  test.concurrent('an update is judged against what the cluster keeps', async () => {
    // GIVEN the cluster's docker-config PodDefault, and a new PodDefault that mounts another volume at its path
    const cluster = clusterList('docker-defaults');
    const clash = golden('docker-existing-secret').replace(/docker-config/g, 'team-registry-config');
    const file = path.join(secrets, 'clash.yaml');
    writeFileSync(file, clash);
    // WHEN
    const lines = expectErrors(await cli(['check', '--namespace', 'user', '-', file], { stdin: cluster }), 1, 'cdk8s-kubeflow-access check');
    // THEN the cluster's object is still there to clash with
    expect(lines).toEqual([expect.stringMatching(new RegExp(
      `^the mount at /home/jovyan/.docker/ differs between poddefaults docker-config \\(stdin#1.items\\[0\\]\\) and team-registry-config \\(${esc(file)}#\\d\\) in namespace user`))]);
  });

  test.concurrent('the same object twice in one input stays an error', async () => {
    // GIVEN one file that holds the PodDefault minio twice
    const documents = golden('minio-defaults').split('---\n');
    const podDefault = documents.findIndex(d => d.includes('kind: PodDefault\n'));
    const file = path.join(secrets, 'twice.yaml');
    writeFileSync(file, [...documents, documents[podDefault]].join('---\n'));
    // WHEN
    const lines = expectErrors(await cli(['check', file]), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toEqual([expect.stringMatching(
      new RegExp(`^${esc(file)}#${podDefault + 1} and ${esc(file)}#${documents.length + 1} are both PodDefault minio .* in namespace user`))]);
  });

  test.concurrent('--recursive reads a folder per chart as one input, so an object in two charts stays an error, as synth refuses it', async () => {
    // GIVEN a cdk8s output of FOLDER_PER_CHART_FILE_PER_RESOURCE (synthesised without the check) whose two charts both hold
    // the PodDefault minio of namespace user: `kubectl apply -R -f dist/` applies one over the other
    const dist = mkdtempSync(path.join(tmpdir(), 'cli-check-folders-'));
    const podDefault = golden('minio-defaults').split('---\n').find(d => d.includes('kind: PodDefault\n'))!;
    for (const chart of ['0000-team', '0001-shared']) {
      mkdirSync(path.join(dist, chart));
      writeFileSync(path.join(dist, chart, 'PodDefault.minio.k8s.yaml'), podDefault);
    }
    const [first, second] = ['0000-team', '0001-shared'].map(c => path.join(dist, c, 'PodDefault.minio.k8s.yaml'));
    // WHEN the directory is checked with --recursive, without it, and chart by chart
    const recursive = expectErrors(await cli(['check', '--recursive', dist]), 1, 'cdk8s-kubeflow-access check');
    const flat = expectErrors(await cli(['check', dist]), 1, 'cdk8s-kubeflow-access check');
    const chartByChart = await cli(['check', path.join(dist, '0000-team'), path.join(dist, '0001-shared')]);
    // THEN --recursive finds the duplicate (found by invariant.fuzz.test.ts, seed 5, FUZZ_RUNS=1200: the charts given one
    // by one were two applies, the later replacing the earlier, and the CLI passed what synth refuses)
    expect(recursive).toEqual([expect.stringMatching(new RegExp(`^${esc(first)}#1 and ${esc(second)}#1 are both PodDefault minio \\(api group kubeflow.org\\) in namespace user: `))]);
    // AND without it the directory holds no manifest of its own, and the error says what to pass
    expect(flat).toEqual([`FILE: directory ${JSON.stringify(dist)} holds no *.yaml, *.yml or *.json files: pass --recursive to read its subdirectories as one input `
      + '(cdk8s writes a folder per chart with FOLDER_PER_CHART_FILE_PER_RESOURCE)']);
    // AND chart by chart, the later input replaces the earlier, as two kubectl applies would
    expectOutput(chartByChart, 'ok: 1 object, 1 PodDefault in 1 namespace, no problems\n');
  });

  test.concurrent('--recursive reads the files kubectl apply -R reads, in its order: by the bytes of their names, hidden ones too, no linked directory', async () => {
    // GIVEN a tree of ConfigMaps, each with a misspelt metadata field so that the check names each object it reads, in the
    // order it reads them: hidden files and folders, a file of another extension or in capitals, a link to a file and one
    // to a folder, an empty folder, and names whose UTF-16 order is not their UTF-8 order (U+FF21 is EF BC A1 in UTF-8,
    // U+1F600 is F0 9F 98 80; in UTF-16 the emoji's D83D comes first)
    const dir = mkdtempSync(path.join(secrets, 'recursive-order-'));
    const files: [string, string][] = [['b.yaml', 'b'], ['a.yml', 'a'], ['B.yaml', 'up'], ['j.json', 'j'], ['.h.yaml', 'h'], ['.yaml', 'dot'], ['.hid/x.yaml', 'hd'],
      ['t.txt', 't'], ['C.YAML', 'upper'], ['sub/s.yaml', 's1'], ['sub/inner/s.yaml', 's2'], ['sub-a.yaml', 'sa'], ['sub-b/x.yaml', 'sb'], ['sub.yaml', 'sub2'],
      ['\u{1F600}.yaml', 'emoji'], ['\uFF21/f.yaml', 'fw'], ['\uFF22.yaml', 'fw2']];
    for (const [file, name] of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, lables: {} } };
      writeFileSync(path.join(dir, file), file.endsWith('.json') ? JSON.stringify(object) : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  lables: {}\n`);
    }
    mkdirSync(path.join(dir, 'empty'));
    symlinkSync('b.yaml', path.join(dir, 'lb.yaml'));
    symlinkSync('sub', path.join(dir, 'link'));
    // WHEN checked with --recursive
    const lines = expectErrors(await cli(['check', '--recursive', dir]), 1, 'cdk8s-kubeflow-access check');
    // THEN the objects it read, in order, are those kubectl 1.32 reads (`kubectl annotate --local -R -o name -f DIR x=y`,
    // recorded; the same resource builder as `kubectl apply -R`: k8s.io/cli-runtime pkg/resource/visitor.go
    // ExpandPathsToFileVisitors, a filepath.Walk, which sorts the names of each folder as Go strings, by their bytes)
    const read = lines.filter(l => l.includes(' sets metadata.lables,')).map(l => `configmap/${/^configmap (\S+) /.exec(l)![1]}`);
    const recorded = ['h', 'hd', 'dot', 'up', 'a', 'b', 'j', 'b', 's2', 's1', 'sa', 'sb', 'sub2', 'fw', 'fw2', 'emoji'].map(n => `configmap/${n}`);
    expect(read).toEqual(recorded);
    // AND kubectl, when on PATH, reads them so
    const kubectl = spawnSync('kubectl', ['annotate', '--local', '-R', '-o', 'name', '-f', dir, 'x=y'], { encoding: 'utf8' });
    if (kubectl.error !== undefined) {
      console.log(`kubectl is not on PATH (${kubectl.error.message}): compared with the recorded order only`);
      return;
    }
    expect(kubectl.stdout.trim().split('\n')).toEqual(recorded);
  });

  test.concurrent('every input\'s problems are reported, not only the first one\'s', async () => {
    // GIVEN invalid YAML on stdin, and a file of conflicting PodDefaults
    const file = path.relative(path.join(__dirname, '..', '..'), cliFixture('conflicting.yaml'));
    // WHEN
    const lines = expectErrors(await cli(['check', '-', file], { stdin: 'a: [\n' }), 1, 'cdk8s-kubeflow-access check');
    // THEN the YAML error and all six problems of the file
    expect(lines[0]).toBe('stdin#1: not valid YAML at line 1: a flow collection ([...] or {...}) misses its closing bracket before the end of the document');
    expect(lines.slice(1)).toHaveLength(6);
    expect(lines).toContainEqual(expect.stringMatching(/^volume shared differs between poddefaults team-a/));
  });

  test.concurrent('a metadata value of a type ObjectMeta does not declare is reported by its path: YAML 1.1 reads yes and 2 as no strings', async () => {
    // GIVEN a ConfigMap whose label value is an unquoted 2 and whose annotation value an unquoted yes (a boolean to
    // sigs.k8s.io/yaml, as to kubectl)
    const stdin = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    tier: 2\n  annotations:\n    example.com/on: yes\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN both, by their paths, with the fix
    const refused = 'the api server refuses the ConfigMap (it cannot decode its metadata), so kubectl apply fails whatever its --validate; quote the value';
    expect(lines).toEqual([
      `configmap c (stdin#1) in namespace default has a number at metadata.labels.tier, where ObjectMeta declares a string: ${refused}`,
      `configmap c (stdin#1) in namespace default has a boolean at metadata.annotations["example.com/on"], where ObjectMeta declares a string: ${refused}`,
    ]);
  });

  test.concurrent('an owner reference or finalizer the api server refuses is reported by its path: a list item left empty in YAML is an empty one', async () => {
    // GIVEN a Secret whose owner reference has no uid and whose finalizer list has an item left empty (null, which Go
    // decodes into an empty name; ValidateFinalizerName refuses it, k8s.io/apimachinery v0.32.9 objectmeta.go)
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  ownerReferences:\n  - apiVersion: v1\n    kind: ConfigMap\n    name: c\n'
      + '  finalizers:\n  - example.com/cleanup\n  -\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN both, by their paths, with the fix
    expect(lines).toEqual([
      'secret creds (stdin#1) in namespace default has an owner reference without uid at metadata.ownerReferences[0].uid: the api server refuses the Secret, '
      + 'as every owner reference needs its apiVersion, kind, name and uid; give the owner\'s uid, as kubectl get shows it in the owner\'s metadata.uid once the '
      + 'owner exists, or remove the owner reference',
      'secret creds (stdin#1) in namespace default has an empty finalizer at metadata.finalizers[1]: the api server refuses the Secret, as a finalizer is a '
      + 'qualified name; remove the empty entry',
    ]);
  });

  test.concurrent('a namespace, label key and label value the api server refuses are reported by their paths, never the value', async () => {
    // GIVEN a Secret in a namespace with "_", with a label key of a space and a label value of one (ValidateObjectMetaAccessor:
    // ValidateNamespaceName, ValidateLabels; k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go)
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: team_a\n  labels:\n    team name: a\n    owner: fake secret value\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN each, by its path, with the fix
    const subject = 'secret creds (stdin#1) in namespace team_a';
    expect(lines).toEqual([
      `${subject} has an invalid namespace at metadata.namespace: the api server refuses the Secret, as the namespace has "_" at character 5; a namespace name is `
      + 'a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters); give the name of the namespace, '
      + 'as kubectl get namespaces shows it',
      `${subject} has an invalid label key at metadata.labels[(key not shown, as it may be a secret: 9 characters, a space at character 5)]: the api server refuses the Secret, as a label key is an optional DNS subdomain and /, `
      + 'then a name: the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit; rename the label key',
      `${subject} has an invalid label value at metadata.labels.owner: the api server refuses the Secret, as a label value must be at most 63 characters of `
      + 'letters, digits, -, _ and ., starting and ending with a letter or digit; shorten the value to that rule, or move it to an annotation of the Secret, '
      + 'whose values are free text',
    ]);
    expect(lines.join('\n')).not.toContain('fake');
  });

  test.concurrent('a PodDefault field its CRD lacks is reported by its path, as kubectl apply would refuse it', async () => {
    // GIVEN a PodDefault whose mount spells mountPath in lower case
    const stdin = 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: creds\nspec:\n  desc: creds\n  selector:\n    matchLabels:\n'
      + '      creds: "true"\n  volumes:\n  - name: creds\n    secret:\n      secretName: creds\n  volumeMounts:\n  - name: creds\n    mountpath: /home/jovyan/.creds\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toEqual([
      'poddefault creds (stdin#1) in namespace default sets spec.volumeMounts[0].mountpath, a field the PodDefault CRD does not declare: kubectl apply refuses '
      + 'the PodDefault (strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the PodDefault, '
      + 'so spec.volumeMounts[0] has no mountPath, which the PodDefault CRD requires: the api server refuses the PodDefault all the same; rename the field to spec.volumeMounts[0].mountPath',
    ]);
  });

  test.concurrent('a misspelt metadata field of any object is reported by its path, as kubectl apply would refuse it', async () => {
    // GIVEN a PodDefault whose labels are spelt lables, and a ConfigMap whose annotations are spelt annotation
    const stdin = 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: creds\n  lables:\n    team: a\nspec:\n  desc: creds\n  selector:\n'
      + '    matchLabels:\n      creds: "true"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotation:\n    note: fake-note\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line per field, named by its path, never its value
    const refused = (kind: string) => `kubectl apply refuses the ${kind} (strict field validation, its default), and with --validate=warn or false the api server `
      + `drops the field as it stores the ${kind}`;
    expect(lines).toEqual([
      'poddefault creds (stdin#1) in namespace default sets metadata.lables, a field the metadata of every object (ObjectMeta) does not declare: '
      + `${refused('PodDefault')}, so it carries none of the labels listed there; rename the field to metadata.labels`,
      'configmap settings (stdin#2) in namespace default sets metadata.annotation, a field the metadata of every object (ObjectMeta) does not declare: '
      + `${refused('ConfigMap')}, so it carries none of the annotations listed there; rename the field to metadata.annotations`,
    ]);
  });

  test.concurrent('annotations over 256 KiB are reported by size, never their value: an object\'s own, and those a PodDefault gives every notebook', async () => {
    // GIVEN a PodDefault whose spec.annotations hold 262148 bytes, and a Secret whose metadata.annotations hold 262145
    const big = 'x'.repeat(262144);
    const stdin = 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: notes\nspec:\n  desc: notes\n  selector:\n    matchLabels:\n'
      + `      notes: "true"\n  annotations:\n    note: ${big}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  annotations:\n    a: ${big}\n`;
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line each, by size
    expect(lines).toEqual([
      'secret creds (stdin#2) in namespace default has metadata.annotations of 262145 bytes (keys and values), more than the 262144 (256 KiB) '
      + 'the api server allows in one object (ValidateAnnotationsSize), so it refuses the Secret; '
      + 'remove annotations, or move their values elsewhere (a ConfigMap\'s data), to at most 262144 bytes',
      'poddefault notes (stdin#1) in namespace default gives each notebook it selects 262148 bytes of annotations in spec.annotations (keys and values), '
      + 'and the webhook adds poddefault.admission.kubeflow.org/poddefault-notes with the PodDefault\'s resourceVersion: at least 262199 bytes, more than the '
      + '262144 (256 KiB) the api server allows in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects the PodDefault; '
      + 'remove annotations from spec.annotations, or move their values elsewhere (a ConfigMap the notebook mounts), to well under 262144 bytes',
    ]);
    expect(lines.join('\n')).not.toContain('xxxx');
  });

  test.concurrent('two PodDefaults whose annotations a notebook would get together exceed 256 KiB are reported as a pair', async () => {
    // GIVEN PodDefaults a and b with 131100 bytes of spec.annotations each, which one notebook can select together
    const stdin = ['a', 'b'].map(name => `apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: ${name}\nspec:\n  desc: ${name}\n  selector:\n`
      + `    matchLabels:\n      ${name}: "true"\n  annotations:\n    note-${name}: ${'x'.repeat(131100 - 6)}\n`).join('---\n');
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line for the pair, by size
    expect(lines).toEqual([
      'poddefaults a (stdin#1) and b (stdin#2) in namespace default give a notebook that selects both (labelled a=true,b=true) 262200 bytes of '
      + 'annotations in spec.annotations (keys and values), and the webhook adds poddefault.admission.kubeflow.org/poddefault-a and '
      + 'poddefault.admission.kubeflow.org/poddefault-b with their resourceVersions: at least 262294 bytes, more than the 262144 (256 KiB) the api server allows '
      + 'in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects both; '
      + 'remove annotations from spec.annotations of one of them, or make the two exclusive by giving both an env var of one name whose value is their own name',
    ]);
  });

  test.concurrent('a PodDefault field of a type its CRD refuses is reported by its path: YAML 1.0 is an integer, 1.5 and "8080" are not', async () => {
    // GIVEN a PodDefault whose sidecar's probe waits 1.5 seconds and whose ports are written 1.0 (kubectl sends 1) and "8080"
    const stdin = 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: proxy\nspec:\n  desc: proxy\n  selector:\n    matchLabels:\n'
      + '      proxy: "true"\n  sidecars:\n  - name: proxy\n    image: proxy:1\n    ports:\n    - containerPort: 1.0\n    - containerPort: "8080"\n'
      + '    livenessProbe:\n      initialDelaySeconds: 1.5\n      tcpSocket:\n        port: 8080\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line per field, named by its path
    const refused = 'the api server refuses the PodDefault, so kubectl apply fails (whatever its --validate) and no notebook gets what it adds';
    expect(lines).toEqual([
      `poddefault proxy (stdin#1) in namespace default has a string at spec.sidecars[0].ports[1].containerPort, where the PodDefault CRD declares an integer: ${refused}; `
      + 'write the number without quotes',
      `poddefault proxy (stdin#1) in namespace default has a number with a fraction at spec.sidecars[0].livenessProbe.initialDelaySeconds, where the PodDefault CRD `
      + `declares an integer: ${refused}; write a whole number`,
    ]);
  });

  test.concurrent('a Secret\'s data is judged as the api server decodes the YAML\'s values, never shown', async () => {
    // GIVEN a Secret whose values are written every way YAML allows: a literal block keeps its line breaks (Go skips
    // them), a plain scalar over two lines folds them into a space (Go refuses it), an unquoted number is no string
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: user}\ndata:\n'
      + '  wrapped: |\n    ZmFrZS1zZWNyZXQtYWFh\n    YWE=\n'
      + '  folded: ZmFrZS1zZWNyZXQtYWFh\n    YWE=\n'
      + '  pin: 1234\n'
      + '  plain: fake-secret-aaaa\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the folded value at the space, the number, and the plain text at its '-'; never a value
    const refused = 'so kubectl apply fails and no pod gets the Secret\'s keys';
    const fix = 'encode the value as standard base64 on one line, with its "=" padding (base64 -w0 FILE, or printf %s VALUE | base64 -w0; '
      + 'spaces, tabs and the URL-safe "-" and "_" are refused), or give it unencoded under stringData';
    expect(lines).toEqual([
      `secret creds (stdin#1) in namespace user: data folded is not base64 as the api server decodes it (illegal base64 data at input byte 20), which refuses the Secret, ${refused}; ${fix}`,
      `secret creds (stdin#1) in namespace user: data pin is a number, not a base64 string: the api server cannot read it as bytes and refuses the Secret, ${refused}; `
      + 'give the value base64-encoded in quotes, or unencoded in quotes under stringData',
      `secret creds (stdin#1) in namespace user: data plain is not base64 as the api server decodes it (illegal base64 data at input byte 4), which refuses the Secret, ${refused}; ${fix}`,
    ]);
    expect(lines.join('\n')).not.toMatch(/ZmFr|1234/);
  });

  test.concurrent('a Secret that lacks what its type asks for is reported by type and key, never its value', async () => {
    // GIVEN a registry Secret whose config.json is under the key a volume wants, and whose stringData .dockerconfigjson
    // (written over data's) is a YAML mapping in a literal block, not JSON; and a tls Secret without tls.key
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: registry, namespace: user}\ntype: kubernetes.io/dockerconfigjson\n'
      + 'stringData:\n  .dockerconfigjson: |\n    auths:\n      registry.example.com: {auth: ZmFrZS11c2VyOmZha2UtcGFzcw==}\n'
      + '---\napiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: user}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ZmFrZQ==\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    const refused = 'the api server refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys';
    expect(lines).toEqual([
      'secret registry (stdin#1) in namespace user: type kubernetes.io/dockerconfigjson needs stringData .dockerconfigjson to be a JSON object '
      + `(json.Unmarshal into a map), and it is not valid JSON: ${refused}; `
      + 'give the config.json that docker login writes ({"auths": {...}}), base64-encoded under data or as it is under stringData',
      `secret cert (stdin#2) in namespace user: type kubernetes.io/tls needs the key tls.key in data or stringData, which it lacks: ${refused}; `
      + 'add tls.key, the PEM private key (kubectl create secret tls writes both), or, for a Secret of other keys, use type Opaque',
    ]);
    expect(lines.join('\n')).not.toMatch(/ZmFr|registry\.example/);
  });

  test.concurrent('a creationTimestamp of a date alone is reported, and a generation past 2^53 is not', async () => {
    // GIVEN a ConfigMap dumped and edited by hand: a date without a time, which metav1.Time cannot read, and a large generation
    const stdin = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: user\n  creationTimestamp: 2026-01-01\n  generation: 9007199254740994\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the timestamp alone, by its path
    expect(lines).toEqual([
      'configmap c (stdin#1) in namespace user has a string that is no RFC 3339 time at metadata.creationTimestamp, where ObjectMeta declares a time '
      + '(a string in RFC 3339, such as 2026-01-01T00:00:00Z): the api server refuses the ConfigMap (it cannot decode its metadata), so kubectl apply fails '
      + 'whatever its --validate; write the time in RFC 3339, such as 2026-01-01T00:00:00Z, or leave the field out (the api server sets creationTimestamp and deletionTimestamp)',
    ]);
  });

  test.concurrent('an ExternalSecret whose template type asks for a key the Secret it writes lacks is reported, naming the ExternalSecret', async () => {
    // GIVEN an ExternalSecret that fetches tls.crt alone into a Secret of type kubernetes.io/tls (no template data: the fetched keys are copied)
    const stdin = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: cert, namespace: user}\nspec:\n'
      + '  secretStoreRef: {name: vault, kind: SecretStore}\n  target:\n    template: {type: kubernetes.io/tls}\n'
      + '  data:\n  - secretKey: tls.crt\n    remoteRef: {key: fake/cert}\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toEqual([
      'externalsecret cert (stdin#1) in namespace user: spec.target.template.type kubernetes.io/tls needs the key tls.key in the Secret it writes '
      + '(the keys of spec.data[].secretKey), which it lacks: the api server refuses the Secret External Secrets Operator writes, so the ExternalSecret '
      + 'never syncs and no pod gets the Secret\'s keys; add the key tls.key under spec.target.template.data, a template of the fetched keys, '
      + 'or fetch it as spec.data[].secretKey, or, for a Secret of other keys, set spec.target.template.type to Opaque',
    ]);
  });

  test.concurrent('invalid YAML and objects without a name are reported by position, never by content', async () => {
    const stdin = 'apiVersion: v1\nkind: Secret\ndata: {}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  token: ZmFrZS1zZWNyZXQtYWFhYQ==: x\n'
      + '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: 5\n';
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([
      'stdin#1: Secret has no metadata.name, which kubectl apply needs (kubectl create takes a metadata.generateName instead): give it a name',
      'stdin#2: not valid YAML at line 10, column 34: a ": " follows text that can only be a value here (a value that holds ": " needs quotes, '
      + 'a key needs a space after its ":", and a line indented deeper than the keys above it goes on with the value before it)',
      'stdin#3: Secret has a metadata.name that is a number, not a string',
    ]);
  });

  test.concurrent('130,000 documents without a name are 130,000 lines, not an internal error', async () => {
    // GIVEN more unreadable documents than a call takes arguments (push(...lines) overflowed the stack past about 125,000)
    const stdin = 'kind: Secret\n---\n'.repeat(130_000);
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toHaveLength(130_000);
    expect(lines[129_999]).toBe('stdin#130000: has no apiVersion');
  });

  test.concurrent('100 PodDefaults one notebook can select together, each defining volume creds its own way: one line naming each, not 4950', async () => {
    // GIVEN
    const stdin = Array.from({ length: 100 }, (_, i) => JSON.stringify({
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: `pd-${String(i).padStart(2, '0')}`, namespace: 'user' },
      spec: { desc: 'creds', selector: { matchLabels: { [`pd-${String(i).padStart(2, '0')}`]: 'true' } }, volumes: [{ name: 'creds', secret: { secretName: `creds-${i}` } }] },
    })).join('\n');
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line of under 4 KB, which names every PodDefault by its document and shows the first pair's labels
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^4950 pairs of poddefaults that one notebook can select together define volume creds differently in namespace user, among the 100 poddefaults /);
    expect(lines[0]).toContain(Array.from({ length: 100 }, (_, i) => `pd-${String(i).padStart(2, '0')} (stdin#${i + 1})`).join(', '));
    expect(lines[0]).toMatch(/; the first pair: volume creds differs between poddefaults pd-00 \(stdin#1\) and pd-01 \(stdin#2\) in namespace user: .*\(labelled pd-00=true,pd-01=true\); for each pair, make the two definitions identical or rename one$/);
    expect(lines[0].length).toBeLessThan(4096);
  });

  test.concurrent('an alias inside its own anchor is one line naming the document, not an internal error', async () => {
    // GIVEN a document whose anchor holds an alias of itself (go-yaml: "anchor 'd' value contains itself"), then a good one
    const stdin = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: &d {a: *d}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\nitems: &i [*i]\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toEqual([
      'stdin#1: not valid YAML: an alias is inside the node its anchor names, so the value contains itself',
      'stdin#2: not valid YAML: an alias is inside the node its anchor names, so the value contains itself',
    ]);
  });

  describe('NEL, LS and PS, which kubectl (go-yaml v2) reads as line breaks and YAML 1.2 as characters', () => {
    // A ConfigMap whose comment holds U+2028 and then text: kubectl ends the comment there, and reads the text.
    const lineSeparatorInComment = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x # note\u2028 namespace: z\n  namespace: ns\n';
    // The same characters as escapes in double quotes, which kubectl and YAML 1.2 read alike.
    const escaped = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: ns\ndata:\n  a: "p\\Nq"\n  b: "p\\u2028q"\n  c: "p\\Lq"\n';

    test.concurrent('one written as it is is reported by position, naming the character and the escape to use', async () => {
      // GIVEN a document with U+2028 in a comment, and one with NEL in a value, then a good one
      const stdin = `${lineSeparatorInComment}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  namespace: ns\ndata:\n  a: p\u0085q\n---\n${escaped}`;
      // WHEN
      const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
      // THEN each of the two is one line; the escaped document is read
      expect(lines).toEqual([
        'stdin#1: not read as kubectl reads it, at line 4, column 17: the text holds U+2028, which kubectl reads as a line break and this check would read as a character: '
          + 'remove it, or write it as the escape \\u2028 in a double-quoted string',
        'stdin#2: not read as kubectl reads it, at line 13, column 7: the text holds U+0085, which kubectl reads as a line break and this check would read as a character: '
          + 'remove it, or write it as the escape \\N in a double-quoted string',
      ]);
    });

    test('kubectl reads them so (runs kubectl when on PATH)', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cli-check-line-breaks-'));
      const read = (text: string) => {
        writeFileSync(path.join(dir, 'cm.yaml'), text);
        return spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', path.join(dir, 'cm.yaml'), 'x=y'], { encoding: 'utf8' });
      };
      const raw = read(lineSeparatorInComment);
      if (raw.error !== undefined) {
        console.log(`kubectl is not on PATH (${raw.error.message}): the line break readings are not compared`);
        return;
      }
      // THEN kubectl refuses the comment (a YAML 1.2 reader reads name x, namespace ns), and reads the escapes as the characters
      expect([raw.status, raw.stderr]).toEqual([1, expect.stringContaining('yaml: line 4: did not find expected key')]);
      const escapes = read(escaped);
      expect(JSON.parse(escapes.stdout).data).toEqual({ a: 'p\u0085q', b: 'p\u2028q', c: 'p\u2028q' });
    });
  });

  /** A PodDefault of namespace user selected by `name: "true"`, with `spec` lines appended. */
  const podDefault = (name: string, ...spec: string[]) => [
    'apiVersion: kubeflow.org/v1alpha1', 'kind: PodDefault', 'metadata:', `  name: ${name}`, '  namespace: user', 'spec:',
    `  desc: ${name}`, '  selector:', '    matchLabels:', `      ${name}: "true"`, ...spec.map(l => `  ${l}`)].join('\n');

  test.concurrent('values keep the types kubectl gives them: an env var named E1 is "E1", not a number', async () => {
    const stdin = [
      podDefault('team-a', 'env:', '  - name: E1', '    value: fake-a'),
      podDefault('team-b', 'env:', '  - name: E1', '    value: fake-b'),
    ].join('\n---\n');
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([expect.stringMatching(/^env var E1 differs between poddefaults team-a \(stdin#1\) and team-b \(stdin#2\) in namespace user/)]);
  });

  test.concurrent('a PodDefault name the constructs refuse is refused by check too', async () => {
    // GIVEN a hand-written PodDefault named MyPD
    const stdin = podDefault('team-a').replace(/name: team-a/, 'name: MyPD').replace(/team-a: "true"/, 'MyPD: "true"');
    // WHEN checked THEN the name rule the constructs apply fires, with its fix
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([expect.stringMatching(/^poddefault MyPD \(stdin#1\) in namespace user has a name that is not a DNS-1123 subdomain .*rename it, such as "my-pd"$/)]);
  });

  test.concurrent('an unquoted date is the string kubectl sees: the same date in two PodDefaults agrees', async () => {
    const stdin = [
      podDefault('team-a', 'env:', '  - name: SINCE', '    value: 2001-12-14'),
      podDefault('team-b', 'env:', '  - name: SINCE', '    value: 2001-12-14'),
    ].join('\n---\n');
    expectOutput(await cli(['check', '-'], { stdin }), 'ok: 2 objects, 2 PodDefaults in 1 namespace, no problems\n');
  });

  test.concurrent.each<[string, string[], string]>([
    ['volumes as a mapping', ['volumes: {a: 1}'], 'spec.volumes is a mapping, but the PodDefault CRD declares a list of objects'],
    ['an env var name as a number', ['env:', '  - name: 12', '    value: x'], 'spec.env[0].name is a number, but the PodDefault CRD declares a string'],
    ['matchLabels as a list', [], 'spec.selector.matchLabels is a list, but the PodDefault CRD declares a map of strings'],
  ])('a wrong type (%s) is one line naming file, document and field', async (_name, spec, message) => {
    const document = spec.length > 0 ? podDefault('team-a', ...spec) : podDefault('team-a').replace(/matchLabels:\n.*$/s, 'matchLabels: [a]');
    const lines = expectErrors(await cli(['check', '-'], { stdin: `${document}\n` }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([`stdin#1: PodDefault team-a: ${message}; fix the manifest`]);
  });

  test.concurrent('a missing file', async () => {
    expect(expectErrors(await cli(['check', '/nonexistent.yaml']), 1, 'cdk8s-kubeflow-access check'))
      .toEqual(['FILE: file "/nonexistent.yaml" does not exist: give a manifest file or directory (a path relative to the current directory), or "-" for stdin']);
  });

  test.concurrent.each(['ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000', 'fake-secret-aaaa', 'x'.repeat(300)])('a path that names nothing and is no manifest\'s name is not shown: %s', async token => {
    // GIVEN a token pasted where a manifest path goes WHEN check cannot open it
    const result = await cli(['check', token]);
    // THEN the line says what is wrong without the token
    expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([
      `FILE: the path ${token.length > 255 ? 'is longer than a file name can be' : 'does not exist'}: give a manifest file or directory, or "-" for stdin; the path is not shown, since it may be a secret given in its place`]);
    expect(result.stderr).not.toContain(token);
  });

  test.concurrent('an empty FILE, as an unset shell variable gives, says so', async () => {
    // GIVEN `check dist/ "$DUMP"` with DUMP unset WHEN checked
    const result = await cli(['check', path.join(GOLDEN_DIR, 'minio-defaults.yaml'), '']);
    // THEN the line says the path is empty, not that a path that is not shown does not exist
    expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([
      'FILE 2 of 2: the path is empty, as a shell variable that is not set gives: give a manifest file or directory, or "-" for stdin']);
  });

  test.concurrent.each<[string, string[], string, string]>([
    ['an empty stdin, as a kubectl get that failed before the pipe leaves it', ['-'], '', '; stdin holds none when the command before the pipe printed none or failed'],
    ['the empty List kubectl get -o yaml prints for a namespace without PodDefaults', ['-'], 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      '; stdin holds none when the command before the pipe printed none or failed'],
    ['an empty file', [path.join(secrets, 'empty.yaml')], '', ''],
  ])('no object at all (%s) is one line that says what to give', async (_name, files, stdin, note) => {
    writeFileSync(path.join(secrets, 'empty.yaml'), '# nothing yet\n');
    // WHEN checked THEN it fails, as kubectl apply does ("error: no objects passed to apply", kubectl 1.32), saying what to give
    expect(expectErrors(await cli(['check', ...files], { stdin }), 1, 'cdk8s-kubeflow-access check')).toEqual([
      `the input holds no Kubernetes objects, which kubectl apply refuses too ("no objects passed to apply"): give manifest files or directories, or "-" with manifests on stdin${note}`]);
  });

  test('kubectl apply refuses an input without objects so (runs kubectl when on PATH)', () => {
    // GIVEN a file of comments alone WHEN kubectl applies it, offline (the refusal comes before any request)
    const file = path.join(secrets, 'comments.yaml');
    writeFileSync(file, '# nothing yet\n');
    const kubectl = spawnSync('kubectl', ['apply', '--dry-run=client', '-f', file], { encoding: 'utf8' });
    if (kubectl.error !== undefined) {
      console.log(`kubectl is not on PATH (${kubectl.error.message}): not compared`);
      return;
    }
    // THEN it says what check quotes
    expect(kubectl.stderr).toContain('error: no objects passed to apply');
    expect(kubectl.status).toBe(1);
  });

  test.concurrent('among several FILEs, a path that is not shown is named by its place among them', async () => {
    // GIVEN a manifest, then two tokens pasted where paths go, as "$DUMP" and "$NEW" that were never set to paths
    const manifest = path.join(GOLDEN_DIR, 'minio-defaults.yaml');
    const result = await cli(['check', '--namespace', 'user', manifest, 'fake-secret-aaaa', 'fake-secret-bbbb']);
    // WHEN check cannot open them THEN each line says which FILE argument it is, still without the path
    expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([2, 3].map(n =>
      `FILE ${n} of 3: the path does not exist: give a manifest file or directory, or "-" for stdin; the path is not shown, since it may be a secret given in its place`));
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


describe('check reads what the tools around it write', () => {
  const configMap = (name: string, namespace?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace === undefined ? {} : { namespace }) } });

  test.concurrent('a directory cdk8s synth wrote with a validation plugin: construct-metadata.json is skipped, in one line', async () => {
    // GIVEN an output directory with construct-metadata.json beside the manifests
    const dir = mkdtempSync(path.join(secrets, 'dist-'));
    writeFileSync(path.join(dir, 'user.k8s.yaml'), golden('minio-defaults'));
    writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: { minio: { path: 'user/minio' } } }));
    // WHEN checked
    const result = await cli(['check', dir]);
    // THEN it passes, saying what it skipped
    expect(result.stderr).toBe(`cdk8s-kubeflow-access check: skipped ${path.join(dir, 'construct-metadata.json')}: cdk8s's record of construct paths, not a manifest\n`);
    expect(result.stdout).toBe('ok: 1 object, 1 PodDefault in 1 namespace, no problems\n');
    expect(result.code).toBe(0);
  });

  describe('a kustomization is named, with the command that checks what it builds', () => {
    // GIVEN a kustomize directory, as `kubectl apply -k` takes it: a PodDefault and a Secret generator whose name
    // kustomize suffixes with a hash. Its kustomization.yaml, with or without apiVersion and kind, is no manifest:
    // `kubectl annotate --local -f DIR x=y` (kubectl 1.32) stops at it ("Object 'Kind' is missing").
    const kustomizeDir = (kustomization: string) => {
      const dir = mkdtempSync(path.join(secrets, 'kustomize-'));
      writeFileSync(path.join(dir, 'kustomization.yaml'), kustomization);
      writeFileSync(path.join(dir, 'poddefault.yaml'), golden('minio-defaults').replace(/^  namespace: user\n/m, ''));
      return dir;
    };
    const bare = 'namespace: user\nresources:\n- poddefault.yaml\nsecretGenerator:\n- name: creds\n  literals:\n  - token=fake-token-0000\n';
    const typed = `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${bare}`;
    const line = (what: string, dir: string) => `FILE: ${what} is a kustomization, which kubectl apply -k builds, not a manifest for kubectl apply -f: `
      + `check what it builds, as "kubectl kustomize ${dir} | cdk8s-kubeflow-access check -"`;

    test.concurrent.each([['without apiVersion and kind', bare], ['with them', typed]])('a directory that holds one (%s) is one line, not its files\' problems', async (_name, kustomization) => {
      const dir = kustomizeDir(kustomization);
      // WHEN the directory is checked
      const result = await cli(['check', dir]);
      // THEN one line names it and the command to run: neither "has no apiVersion" nor "give it a name", which the
      // kustomization.yaml drew, nor the PodDefault without its namespace, which kustomize gives it
      expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([line(`directory ${JSON.stringify(dir)}`, dir)]);
    });

    test.concurrent('the kustomization file given itself is one line, the command naming its directory', async () => {
      const dir = kustomizeDir(typed);
      const result = await cli(['check', path.join(dir, 'kustomization.yaml'), path.join(GOLDEN_DIR, 'minio-defaults.yaml')]);
      expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([line(`file ${JSON.stringify(path.join(dir, 'kustomization.yaml'))}`, dir)]);
    });

    test.concurrent('a directory whose name the shell would split is quoted in the command, as the shell reads it back', async () => {
      // GIVEN a kustomize directory named with a space and a quote
      const dir = path.join(kustomizeDir(typed), 'team a\'s base');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'kustomization.yaml'), typed);
      // WHEN checked
      const [problem] = expectErrors(await cli(['check', dir]), 1, 'cdk8s-kubeflow-access check');
      // THEN the command quotes the directory, and sh reads the quoted word back as the directory
      const quoted = `'${dir.replace(/'/g, `'\\''`)}'`;
      expect(problem).toBe(line(`directory ${JSON.stringify(dir)}`, quoted));
      expect(spawnSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }).stdout).toBe(dir);
    });

    test.concurrent('with --recursive, the files of its subdirectories are its sources too: one line', async () => {
      // GIVEN a kustomization whose patch, a PodDefault with no selector or namespace, lies in patches/
      const dir = kustomizeDir(`${typed}patches:\n- path: patches/gpu.yaml\n`);
      mkdirSync(path.join(dir, 'patches'));
      writeFileSync(path.join(dir, 'patches', 'gpu.yaml'), 'apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: minio\nspec:\n  desc: GPU\n');
      // WHEN the directory is checked with its subdirectories
      const result = await cli(['check', '--recursive', dir]);
      // THEN the one line, not the patch's problems as if it were applied
      expect(expectErrors(result, 1, 'cdk8s-kubeflow-access check')).toEqual([line(`directory ${JSON.stringify(dir)}`, dir)]);
    });

    /** A Flux Kustomization (kustomize.toolkit.fluxcd.io), a manifest that `kubectl apply -f` applies. */
    const flux = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\n'
      + 'spec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n';

    test.concurrent.each([['a Flux Kustomization', flux], ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: user\n']])(
      'a file of that name holding a manifest of another kind (%s) is judged as one', async (_name, manifest) => {
        // GIVEN kustomization.yaml holding the manifest, beside a PodDefault
        const dir = kustomizeDir(manifest);
        writeFileSync(path.join(dir, 'poddefault.yaml'), golden('minio-defaults'));
        // WHEN the file, and its directory, are checked
        // THEN both objects pass, as kubectl apply -f takes them; kubectl kustomize of kubectl 1.32.4 (kustomize v5.5.0)
        // refuses the file, run by hand: "kind should be Kustomization or Component" for the ConfigMap (types/kustomization.go
        // EnforceFields), "invalid Kustomization: json: unknown field \"spec\"" for the Flux one (tested below)
        expectOutput(await cli(['check', path.join(dir, 'kustomization.yaml')]), 'ok: 1 object, 0 PodDefaults in 0 namespaces, no problems\n');
        expectOutput(await cli(['check', dir]), 'ok: 2 objects, 1 PodDefault in 1 namespace, no problems\n');
      });

    test('kubectl kustomize refuses the Flux Kustomization as a kustomization (runs kubectl when on PATH)', () => {
      // GIVEN the Flux Kustomization as the kustomization.yaml of a directory
      const dir = kustomizeDir(flux);
      // WHEN kubectl kustomize builds it
      const built = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      if (built.error !== undefined) {
        console.log(`kubectl is not on PATH (${built.error.message}): the command is not run`);
        return;
      }
      // THEN it fails (kubectl 1.32.4, kustomize v5.5.0: "invalid Kustomization: json: unknown field \"spec\""): the
      // command the kustomization line names would not help
      expect(built.status).not.toBe(0);
      expect(built.stderr).toContain('invalid Kustomization');
    });

    test('what the command builds passes (runs kubectl when on PATH)', async () => {
      const dir = kustomizeDir(typed);
      const built = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      if (built.error !== undefined) {
        console.log(`kubectl is not on PATH (${built.error.message}): the command is not run`);
        return;
      }
      expect(built.status).toBe(0);
      expectOutput(await cli(['check', '-'], { stdin: built.stdout }), 'ok: 2 objects, 1 PodDefault in 1 namespace, no problems\n');
    });
  });

  /** Inputs as kubectl reads them, and the objects kubectl 1.32 read from each (`kubectl annotate --local -o name -f FILE x=y`). */
  const RECORDED: [string, string, string[]][] = [
    ['JSON objects one after another', [configMap('a'), configMap('b')].map(o => JSON.stringify(o)).join(''), ['configmap/a', 'configmap/b']],
    ['JSON objects on lines of their own, as kubectl get -o json prints several', [configMap('a'), configMap('b')].map(o => JSON.stringify(o, null, 4)).join('\n'), ['configmap/a', 'configmap/b']],
    ['a JSON List, then an object', `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [configMap('a')] })} ${JSON.stringify(configMap('c'))}`, ['configmap/a', 'configmap/c']],
    ['YAML documents with separators that hold a comment or trailing spaces', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n--- # c\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---  \napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', ['configmap/a', 'configmap/b', 'configmap/c']],
    ['an object with an items list is a list, whatever its kind', JSON.stringify({ apiVersion: 'example.io/v1', kind: 'Foo', metadata: { name: 'f' }, items: [configMap('inner')] }), ['configmap/inner']],
  ];

  test.concurrent.each(RECORDED)('%s: the objects kubectl reads', async (_name, text, objects) => {
    // GIVEN the input in a file
    const file = path.join(mkdtempSync(path.join(secrets, 'recorded-')), 'input.json');
    writeFileSync(file, text);
    // WHEN checked THEN the same number of objects as kubectl read
    expectOutput(await cli(['check', file]), `ok: ${objects.length} object${objects.length === 1 ? '' : 's'}, 0 PodDefaults in 0 namespaces, no problems\n`);
    // AND kubectl, when on PATH, still reads these objects
    const kubectl = spawnSync('kubectl', ['annotate', '--local', '-o', 'name', '-f', file, 'x=y'], { encoding: 'utf8' });
    if (kubectl.error !== undefined) {
      console.log(`kubectl is not on PATH (${kubectl.error.message}): compared with the recorded objects only`);
      return;
    }
    expect(kubectl.stdout.trim().split('\n')).toEqual(objects);
  });

  test.concurrent('more than 1 MiB of manifests is read: 5000 Secrets as kubectl get -o yaml prints them', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `- apiVersion: v1\n  data:\n    token: ${'QUFB'.repeat(40)}\n  kind: Secret\n  metadata:\n    name: s${i}\n    namespace: user\n  type: Opaque\n`);
    const stdin = `apiVersion: v1\nitems:\n${items.join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
    expect(stdin.length).toBeGreaterThan(1024 * 1024);
    expectOutput(await cli(['check', '-'], { stdin }), 'ok: 5000 objects, 0 PodDefaults in 0 namespaces, no problems\n');
  });

  test.concurrent('--namespace places every namespaced kind that names none: an ExternalSecret beside the Secret it writes', async () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'user' } };
    const eso = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'creds' }, spec: { target: { name: 'creds' }, data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }] } };
    const stdin = [secret, eso].map(o => JSON.stringify(o)).join('\n');
    const lines = expectErrors(await cli(['check', '--namespace', 'user', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([expect.stringMatching(/^stdin#1 and stdin#2 both make Secret creds in namespace user \(an ExternalSecret writes/)]);
    expectOutput(await cli(['check', '--namespace', 'other', '-'], { stdin }), 'ok: 2 objects, 0 PodDefaults in 0 namespaces, no problems\n');
  });

  test.concurrent('a cluster dump with a ClusterExternalSecret: its own ExternalSecret is judged once, its ExternalSecret of another namespace clashes there', async () => {
    // GIVEN `kubectl get clusterexternalsecrets,externalsecrets,secrets -A -o yaml`: a CES targeting user and team-b, its
    // ExternalSecret in user (controller owner: the CES) with the Secret creds it wrote, and a Secret creds of team-b
    const owner = (kind: string) => [{ apiVersion: 'external-secrets.io/v1', kind, name: 'creds', uid: '00000000-0000-0000-0000-000000000000', controller: true }];
    const spec = { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, target: { name: 'creds' }, data: [{ secretKey: 'token', remoteRef: { key: 'k' } }] };
    const items = [
      { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' }, spec: { namespaces: ['user', 'team-b'], externalSecretSpec: spec } },
      { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'creds', namespace: 'user', ownerReferences: owner('ClusterExternalSecret') }, spec },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'user', ownerReferences: owner('ExternalSecret') }, data: { token: 'ZmFrZQ==' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-b' }, data: { token: 'ZmFrZQ==' } },
    ];
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) }), 1, 'cdk8s-kubeflow-access check');
    // THEN one problem, in team-b, naming the CES and the namespace
    expect(lines).toEqual([expect.stringMatching(/^stdin#1.items\[3\] and stdin#1.items\[0\] \(its ExternalSecret in namespace team-b\) both make Secret creds in namespace team-b \(an ExternalSecret writes/)]);
  });

  test.concurrent('a template key left empty in YAML is no key: the api server drops the null, so two Merges of one Secret do not clash on it', async () => {
    // GIVEN a ClusterExternalSecret targeting user whose template has `b:` with no value (null, which the api server drops as it
    // stores the CES: PruneNonNullableNullsWithoutDefaults, ESO v2.9.0's CRDs declare no spec field nullable), and an
    // ExternalSecret in user that fetches b; both merge into Secret creds
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: user}\n---\n'
      + 'apiVersion: external-secrets.io/v1\nkind: ClusterExternalSecret\nmetadata: {name: fill-a}\nspec:\n  namespaces: [user]\n  externalSecretSpec:\n'
      + '    secretStoreRef: {kind: ClusterSecretStore, name: vault}\n    target:\n      name: creds\n      creationPolicy: Merge\n'
      + '      template:\n        data:\n          a: "{{ .x }}"\n          b:\n    data:\n    - secretKey: x\n      remoteRef: {key: fake/a}\n---\n'
      + 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: fill-b, namespace: user}\nspec:\n'
      + '  secretStoreRef: {kind: ClusterSecretStore, name: vault}\n  target: {name: creds, creationPolicy: Merge}\n'
      + '  data:\n  - secretKey: b\n    remoteRef: {key: fake/b}\n';
    // WHEN checked THEN no problem: the CES's ExternalSecret writes key a only
    expectOutput(await cli(['check', '-'], { stdin }), 'ok: 3 objects, 0 PodDefaults in 0 namespaces, no problems\n');
    // AND with a value for b, the two write one key
    const lines = expectErrors(await cli(['check', '-'], { stdin: stdin.replace('          b:\n', '          b: "{{ .x }}"\n') }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual(['stdin#3 and stdin#2 (its ExternalSecret in namespace user) both write key b of Secret creds in namespace user (creationPolicy Merge and Merge): '
      + 'External Secrets Operator writes one value and then the other, on every refresh; write each key from one ExternalSecret only']);
  });

  test.concurrent('an ExternalSecret with an item of spec.data left empty in YAML is refused by the api server: reported by its path, and writes no Secret', async () => {
    // GIVEN Secret creds and an ExternalSecret writing creds whose spec.data has `-` with nothing after it (a null item, which the
    // api server keeps and refuses: PruneNonNullableNullsWithoutDefaults deletes null map entries only)
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: user}\n---\n'
      + 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: creds, namespace: user}\nspec:\n'
      + '  secretStoreRef: {kind: ClusterSecretStore, name: vault}\n  data:\n  - secretKey: token\n    remoteRef: {key: fake/token}\n  -\n';
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the null item alone: no duplicate of creds
    expect(lines).toEqual(['externalsecret creds (stdin#2) in namespace user has spec.data[1] that is null (an item left empty in YAML), where the ExternalSecret CRD '
      + 'declares no null item, so the api server refuses it, and External Secrets Operator writes nothing of it; fix the manifest']);
  });

  test.concurrent('an ExternalSecret with spec.data a string is refused by the api server: reported by its path and the type its CRD declares, and writes no Secret', async () => {
    // GIVEN Secret creds and an ExternalSecret writing creds whose spec.data is a string, where ESO v2.9.0's CRD declares an
    // array of objects (/work/shared/crds/externalsecret-crd.eso-v2.9.0.yaml), so its schema validation refuses it
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: user}\n---\n'
      + 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: creds, namespace: user}\nspec:\n'
      + '  secretStoreRef: {kind: ClusterSecretStore, name: vault}\n  data: fake-token-value\n';
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the field alone, never its value: no duplicate of creds
    expect(lines).toEqual(['externalsecret creds (stdin#2) in namespace user has spec.data that is a string, where the ExternalSecret CRD declares a list of mappings, '
      + 'so the api server refuses it, and External Secrets Operator writes nothing of it; give spec.data a list of mappings, as the ExternalSecret CRD declares, or remove it']);
  });

  test.concurrent('an ExternalSecret with a spec.data item without the secretKey its CRD requires is refused by the api server: reported, and writes no Secret', async () => {
    // GIVEN Secret creds and an ExternalSecret writing creds whose second spec.data item has a remoteRef and no secretKey,
    // which ESO v2.9.0's CRD requires of each item (/work/shared/crds/externalsecret-crd.eso-v2.9.0.yaml)
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: user}\n---\n'
      + 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: creds, namespace: user}\nspec:\n'
      + '  secretStoreRef: {kind: ClusterSecretStore, name: vault}\n  data:\n  - secretKey: token\n    remoteRef: {key: fake/token}\n  - remoteRef: {key: fake/user}\n';
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the missing field alone: no duplicate of creds
    expect(lines).toEqual(['externalsecret creds (stdin#2) in namespace user has spec.data[1] without secretKey, which the ExternalSecret CRD requires, '
      + 'so the api server refuses it, and External Secrets Operator writes nothing of it; give spec.data[1] a secretKey (a string), as the ExternalSecret CRD requires, or remove spec.data[1]']);
  });

  test.concurrent('an ExternalSecret that fetches two items into one secretKey is reported, naming the item; with deletionPolicy Delete it passes', async () => {
    // GIVEN an ExternalSecret whose spec.data fetches two items into token, deletionPolicy left empty (null: dropped, then
    // defaulted to Retain), which ESO v2.9.0's webhook refuses (validateDuplicateKeys, apis/externalsecrets/v1/externalsecret_validator.go)
    const stdin = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: fetch, namespace: user}\nspec:\n'
      + '  secretStoreRef: {kind: ClusterSecretStore, name: vault}\n  target:\n    deletionPolicy:\n'
      + '  data:\n  - secretKey: token\n    remoteRef: {key: fake/one}\n  - secretKey: token\n    remoteRef: {key: fake/two}\n';
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN the repeat, by its path
    expect(lines).toEqual(['externalsecret fetch (stdin#1) in namespace user has spec.data[1].secretKey token, as spec.data[0] has, with spec.target.deletionPolicy Retain '
      + '(the default): External Secrets Operator\'s webhook refuses the ExternalSecret (duplicate secretKey found), so kubectl apply fails and it writes nothing; '
      + 'give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item']);
    // AND with deletionPolicy Delete the webhook takes it
    expectOutput(await cli(['check', '-'], { stdin: stdin.replace('deletionPolicy:\n', 'deletionPolicy: Delete\n') }), 'ok: 1 object, 0 PodDefaults in 0 namespaces, no problems\n');
  });

  test.concurrent('a cluster dump with managed fields: the Secret an Orphan ExternalSecret wrote is its output, not a duplicate', async () => {
    // GIVEN `kubectl get externalsecrets,secrets -n user -o yaml --show-managed-fields` of an ExternalSecret with creationPolicy
    // Orphan and the Secret ESO v2.9.0 wrote for it: no owner reference, ESO's label, and its field manager (fqdnFor)
    const stdin = [
      'apiVersion: v1', 'kind: List', 'items:',
      '- apiVersion: external-secrets.io/v1', '  kind: ExternalSecret', '  metadata: {name: fetch, namespace: user}',
      '  spec: {target: {name: creds, creationPolicy: Orphan}, data: [{secretKey: token, remoteRef: {key: k}}]}',
      '- apiVersion: v1', '  kind: Secret', '  type: Opaque', '  data: {token: ZmFrZS10b2tlbg==}', '  metadata:', '    name: creds', '    namespace: user',
      '    labels: {reconcile.external-secrets.io/managed: "true"}', '    annotations: {reconcile.external-secrets.io/data-hash: 0123456789abcdef}',
      '    managedFields:', '    - manager: externalsecrets.external-secrets.io/fetch', '      operation: Update', '      apiVersion: v1',
      '      time: "2026-12-01T00:00:00Z"', '      fieldsType: FieldsV1', '      fieldsV1: {f:data: {.: {}, f:token: {}}, f:type: {}}', '',
    ].join('\n');
    // WHEN checked THEN no problem
    expectOutput(await cli(['check', '-'], { stdin }), 'ok: 2 objects, 0 PodDefaults in 0 namespaces, no problems\n');
    // AND without its managed fields (kubectl's default) it may be anyone's: reported, with how to tell
    const lines = expectErrors(await cli(['check', '-'], { stdin: stdin.replace(/ {4}managedFields:[^]*fieldsV1: .*\n/, '') }), 1, 'cdk8s-kubeflow-access check');
    expect(lines).toEqual([expect.stringMatching(/^stdin#1.items\[0\] and stdin#1.items\[1\] both make Secret creds in namespace user .* if stdin#1.items\[1\] is the Secret External Secrets Operator wrote for stdin#1.items\[0\] .* whose field managers tell which ExternalSecret wrote it$/)]);
  });

  test.concurrent('a ClusterExternalSecret with an invalid namespace selector is reported, and none of its ExternalSecrets is judged', async () => {
    // GIVEN a CES naming namespace user, whose one selector has In without values (ESO v2.9.0's GetTargetNamespaces
    // fails on it and the CES writes no ExternalSecret), and a Secret creds in user that its ExternalSecret would write
    const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' },
      spec: { namespaces: ['user'], namespaceSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In' }] }],
        externalSecretSpec: { target: { name: 'creds' }, data: [{ secretKey: 'token', remoteRef: { key: 'k' } }] } } };
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'user' } };
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin: [ces, secret].map(o => JSON.stringify(o)).join('\n') }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line, the selector's, with its fix
    expect(lines).toEqual(['clusterexternalsecret creds (stdin#1) has an invalid selector in spec.namespaceSelectors[0] (matchExpressions key tier: operator In needs values), '
      + 'which External Secrets Operator cannot convert (metav1.LabelSelectorAsSelector): it then writes its ExternalSecret in no namespace, not even those its '
      + 'other selectors or spec.namespaces name (status.failedNamespaces: unknown); fix the selector']);
  });

  test.concurrent('a ClusterExternalSecret with a null namespace selector (an item left empty in YAML) is refused by the api server: reported by its path', async () => {
    // GIVEN a CES naming namespace user whose spec.namespaceSelectors holds a null item ("- " alone), which the CRD of
    // ESO v2.9.0 declares a non-nullable object, and a Secret creds in user that its ExternalSecret would write
    const stdin = 'apiVersion: external-secrets.io/v1\nkind: ClusterExternalSecret\nmetadata:\n  name: creds\nspec:\n  namespaces: [user]\n'
      + '  namespaceSelectors:\n  -\n  externalSecretSpec:\n    target:\n      name: creds\n    data: [{secretKey: token, remoteRef: {key: fake/token}}]\n'
      + '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: user\n';
    // WHEN checked
    const lines = expectErrors(await cli(['check', '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN one line, the null item's; the Secret does not clash, as there is no CES
    expect(lines).toEqual(['clusterexternalsecret creds (stdin#1) has spec.namespaceSelectors[0] that is null, where the ClusterExternalSecret CRD declares '
      + 'a label selector, so the api server refuses it and External Secrets Operator writes no ExternalSecret of it; fix the manifest']);
  });

  test.concurrent('an --allow-unlisted value that is not NAME or NS/NAME is a usage error', async () => {
    expect(expectErrors(await cli(['check', '--allow-unlisted', 'a/b/c', '-']), 2, 'cdk8s-kubeflow-access check'))
      .toEqual(['--allow-unlisted: the value has 2 "/", and is not of the form NAME or NAMESPACE/NAME']);
  });

  test.concurrent.each([
    ['', 'is empty'], ['Team-A', 'has an upper-case letter at character 1'], ['team a', 'has a space at character 5'],
  ])('--namespace %j, which kubectl apply -n refuses, is refused before any input is judged, without showing it', async (namespace, where) => {
    // GIVEN a Secret that names no namespace, so it would take --namespace
    const stdin = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\n';
    // WHEN
    const lines = expectErrors(await cli(['check', '--namespace', namespace, '-'], { stdin }), 1, 'cdk8s-kubeflow-access check');
    // THEN
    expect(lines).toEqual([`--namespace: ${where}; a namespace is a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, `
      + 'at most 63 characters): give the namespace objects without one are applied to']);
  });

  test('/dev/zero on stdin ends in one line and exit 1', () => {
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', '"$NODE" "$BIN" check - < /dev/zero'],
      { env: { PATH: process.env.PATH ?? '', BIN: path.join(cliDir, 'bin', 'cdk8s-kubeflow-access'), NODE: process.execPath }, encoding: 'utf8' });
    expect(result.stderr).toBe('cdk8s-kubeflow-access check: FILE: stdin is larger than 64 MiB, more than this command reads at once: split the input, such as one file per namespace\n');
    expect(result.status).toBe(1);
  });
});

describe('check --help', () => {
  // Words of check's help for what each rule of docs/check.md's table catches: a rule added there fails this test until
  // the help names it too. yaml-scalar and output-file judge how synth writes files, which the CLI only reads.
  const MERGE = 'the admission webhook cannot merge (same volume, mount, env var, label, annotation, toleration or container defined differently)';
  const HELP_WORDS: Record<string, string> = {
    'volume': MERGE, 'toleration': MERGE, 'env': MERGE, 'volume-mount-name': MERGE, 'volume-mount-path': MERGE,
    'annotation': MERGE, 'label': MERGE, 'init-container': MERGE, 'sidecar': MERGE,
    'env-source': 'an env var set by one PodDefault\'s env and another\'s envFrom source',
    'mount-spelling': 'mount paths that are one directory spelled differently',
    'duplicate-object': 'two objects with the same group, kind, namespace and name',
    'listing': 'PodDefaults the notebook spawner cannot list',
    'spawner-volume': 'dshm volume or /dev/shm and workspace (/home/jovyan) mounts and mounts at /var/run/secrets/kubernetes.io/serviceaccount',
    'name-format': 'PodDefault names that are no DNS-1123 subdomain',
    'unknown-field': 'PodDefault fields the PodDefault CRD does not declare',
    'field-type': 'names, owner references and finalizers of any object that the API server refuses (a Service name with a digit first, an APIService not named <version>.<group>, an Indexed Job name too long for its pods\' hostnames, a reserved PriorityClass name or value)',
    'name-length': 'or over 52 characters',
    'label-key': 'invalid label keys',
    'selector': 'annotation keys or selectors',
    'label-value': 'label values',
    'annotation-key': 'annotation keys',
    'annotation-size': 'annotations over the 256 KiB the API server takes',
    'shape': 'PodDefault fields of a type or pattern its CRD refuses and required fields missing',
    'refresh-interval': 'refresh durations External Secrets Operator cannot read',
    'template': 'ExternalSecret templates Go\'s text/template cannot parse',
    'secret-data': 'data that is no base64',
    'secret-type': 'what their type asks for missing',
    'service-account': 'set different service accounts',
    'cloud-identity': 'two credentials for one cloud',
    'marker-selector': 'PodDefaults that exclude each other by a marker env var but have one selector',
  };

  test.concurrent('names what every rule of docs/check.md catches', async () => {
    // GIVEN the rules of docs/check.md's table
    const table = readFileSync(path.join(__dirname, '..', '..', 'docs', 'check.md'), 'utf8');
    const rules = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1]).filter(r => r !== 'yaml-scalar' && r !== 'output-file');
    // WHEN the help is printed, read with its lines joined
    const result = await cli(['check', '--help']);
    const help = result.stdout.split(/\s+/).join(' ');
    // THEN each rule has its words there (a marker's one selector, the API token's mount and the names of built-in kinds
    // were missing)
    expect(Object.keys(HELP_WORDS).sort()).toEqual([...rules].sort());
    expect(Object.entries(HELP_WORDS).filter(([, words]) => !help.includes(words)).map(([rule]) => rule)).toEqual([]);
  });
});
