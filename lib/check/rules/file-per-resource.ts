import { Found } from '../objects';
import { CheckProblem } from '../types';
import { identityOf } from './duplicate-object';

/**
 * With cdk8s's `YamlOutputType.FILE_PER_RESOURCE`, each object goes to a file named after its kind and
 * name only (cdk8s drops every other character), so two objects of one kind and name in different
 * namespaces or api groups share a file and the later one silently replaces the earlier one. Objects
 * that are one object twice are the duplicate rule's to report.
 */
export function filePerResourceCollisions(objects: readonly Found[]): CheckProblem[] {
  const first = new Map<string, Found>();
  const problems: CheckProblem[] = [];
  for (const found of objects) {
    const file = `${found.kind}.${found.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
    const seen = first.get(file);
    if (seen === undefined) {
      first.set(file, found);
      continue;
    }
    if (identityOf(seen.group, seen.kind, seen.namespace, seen.name) === identityOf(found.group, found.kind, found.namespace, found.name)) {
      continue;
    }
    problems.push({
      rule: 'file-per-resource',
      sources: [seen.source, found.source],
      key: file,
      message: `${seen.source} and ${found.source} would both be written to the file ${file}.* with YamlOutputType.FILE_PER_RESOURCE, `
        + 'which names a file by kind and name only: one overwrites the other; give them different names, or use another YamlOutputType',
    });
  }
  return problems;
}
