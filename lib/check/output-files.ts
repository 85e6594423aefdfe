// Where cdk8s 2.70 writes an object, in one place: `App.synth()` names the file of one object (with
// `YamlOutputType.FILE_PER_RESOURCE`, and inside a chart's folder with
// `FOLDER_PER_CHART_FILE_PER_RESOURCE`) after its kind and name only, dropping every other character.
// test/check/output-files.test.ts compares this with the files cdk8s writes.

/** The file name cdk8s gives one object, without the app's `outputFileExtension`. */
export function resourceFileName(kind: unknown, name: unknown): string {
  return `${kind}.${name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}
