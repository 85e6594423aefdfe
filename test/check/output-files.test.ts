// Where the in-process check places each object (lib/check/output-files.ts and the OutputFiles of
// lib/check/pod-default-validation.ts) against the files cdk8s 2.70's App.synth() writes, for every
// YamlOutputType: these fail when a cdk8s upgrade names files otherwise.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, YamlOutputType } from 'cdk8s';
import { appInputs } from '../../lib/check/pod-default-validation';

/** Every file under `dir`, relative to it, with `/` between folders. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap(entry => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}

/** An app of several charts: top level, with an id cdk8s must hash, nested, and (optionally) depending on each other. */
function build(type: YamlOutputType, dependent: boolean, outdir: string): App {
  const app = new App({ outdir, yamlOutputType: type, outputFileExtension: '.yml' });
  const cm = (scope: Chart, id: string, name: string, namespace?: string) =>
    new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace === undefined ? {} : { namespace }) } });
  const plain = new Chart(app, 'plain');
  cm(plain, 'one', 'one');
  cm(plain, 'two', 'two.x', 'team-a');
  const hashed = new Chart(app, 'Team_B');
  const renamed = cm(hashed, 'one', 'one');
  renamed.addJsonPatch(JsonPatch.replace('/metadata/name', 'patched'));
  if (dependent) {
    const outer = new Chart(app, 'outer');
    cm(outer, 'a', 'outer-a');
    cm(new Chart(outer, 'inner'), 'b', 'inner-b');
  }
  return app;
}

describe.each([
  ['FILE_PER_CHART', YamlOutputType.FILE_PER_CHART],
  ['FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE],
  ['FOLDER_PER_CHART_FILE_PER_RESOURCE', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ['FILE_PER_APP', YamlOutputType.FILE_PER_APP],
])('%s', (_, type) => {
  test.each([false, true])('each object is placed in the file App.synth writes it to (charts depending on each other: %s)', dependent => {
    // GIVEN the app
    const outdir = mkdtempSync(path.join(tmpdir(), 'output-files-'));
    try {
      const app = build(type, dependent, outdir);

      // WHEN the check places its objects, and the app is synthesised
      const inputs = appInputs(app);
      app.synth();

      // THEN every placed object is in its file, and every file written holds the objects placed there
      const written = filesUnder(outdir).sort();
      if (type === YamlOutputType.FILE_PER_APP) {
        expect(inputs.every(i => i.file === undefined)).toBe(true);
        expect(written).toEqual(['app.yml']);
        return;
      }
      expect([...new Set(inputs.map(i => i.file!))].sort()).toEqual(written);
      for (const input of inputs) {
        expect(readFileSync(path.join(outdir, input.file!), 'utf8')).toContain(`name: ${input.manifest.metadata.name}\n`);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
