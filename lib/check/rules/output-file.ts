import { shownMountPath } from '../../names';
import { Found } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

/**
 * Objects that synth would write to one file, so that the later write silently replaces the earlier:
 * with `YamlOutputType.FILE_PER_RESOURCE` and `FOLDER_PER_CHART_FILE_PER_RESOURCE`, cdk8s names an
 * object's file after its kind and name only, so one kind and name in two namespaces or API groups
 * share one; with `FILE_PER_CHART`, two charts whose names cdk8s turns into one file name do. The
 * files are the inputs' (`CheckInput.file`). Objects that are one object twice are the duplicate
 * rule's to report.
 */
export function outputFiles(objects: readonly Found[]): CheckProblem[] {
  const first = new Map<string, Found>();
  const problems: CheckProblem[] = [];
  /** The pairs of charts already reported for one file. */
  let charts: Set<string> | undefined;
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (found.file === undefined) { continue; }
    const seen = first.get(found.file);
    if (seen === undefined) {
      first.set(found.file, found);
      continue;
    }
    if (seen.chart !== undefined && found.chart !== undefined) {
      const pair = `${found.file}\n${seen.chart}\n${found.chart}`;
      if (seen.chart === found.chart || charts?.has(pair)) { continue; }
      (charts ??= new Set()).add(pair);
      problems.push(checkProblem({
        rule: 'output-file',
        namespace: '',
        sources: [seen.source, found.source],
        key: shownMountPath(found.file),
        message: `${seen.source} and ${found.source} would both be written to the file ${shownMountPath(found.file)}, which cdk8s names after their charts `
          + `${seen.chart} and ${found.chart}: the later chart's file replaces the earlier one's`,
        fix: 'give the charts ids that cdk8s names apart, or use another YamlOutputType',
      }));
      continue;
    }
    if (seen.group === found.group && seen.kind === found.kind && seen.namespace === found.namespace && seen.name === found.name) { continue; }
    problems.push(checkProblem({
      rule: 'output-file',
      namespace: '',
      sources: [seen.source, found.source],
      key: shownMountPath(found.file),
      message: `${seen.source} and ${found.source} would both be written to the file ${shownMountPath(found.file)}, which cdk8s names after an object's kind and name only: `
        + 'the later write replaces the earlier one',
      fix: 'give them different names, or use another YamlOutputType',
    }));
  }
  return problems;
}
