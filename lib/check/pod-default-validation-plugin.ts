// The cdk8s-cli door to the app-wide check: a validation plugin (`validations:` in cdk8s.yaml) that
// reads the manifests `cdk8s synth` wrote, whoever wrote them (our constructs, KubePodDefaults, Helm
// output in an Include), and reports every problem through the plugin report, rule by rule.
import { readFileSync } from 'fs';
import { checkManifests } from './check-manifests';
import { generatingSource } from './cluster-external-secret';
import { AllowUnlisted } from './input-model';
import { readManifestText } from './manifest-text';
import { append } from './objects';
import { exemptEntry } from './problem';
import { CheckInput, CheckProblem } from './types';

/**
 * Options of the validation plugin, given as `properties` in cdk8s.yaml.
 */
export interface PodDefaultValidationPluginProps {
  /**
   * PodDefaults not meant for the notebook UI, exempt from the listing rule: `NAMESPACE/NAME`, or `NAME`
   * for every namespace.
   * @default - none
   */
  readonly allowUnlisted?: string[];
}

/** Where one object was read, for the report. */
interface Where {
  readonly manifestPath: string;
  readonly name: string;
}

/**
 * The app-wide PodDefault check as a cdk8s-cli validation plugin, so that `cdk8s synth` fails for any
 * app whose manifests hold PodDefaults Kubeflow would refuse together, even one that uses no construct
 * of this library.
 *
 * In cdk8s.yaml, before the package is published (a path, which cdk8s-cli loads as it is; the version
 * must still be given):
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-kubeflow-access
 *     version: 0.1.0
 *     class: PodDefaultValidationPlugin
 * ```
 *
 * and once it is (cdk8s-cli installs it):
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-kubeflow-access
 *     version: 0.1.0
 *     class: PodDefaultValidationPlugin
 * ```
 */
export class PodDefaultValidationPlugin {
  private readonly allowUnlisted: AllowUnlisted;

  public constructor(props: PodDefaultValidationPluginProps = {}) {
    const entries = props.allowUnlisted ?? [];
    if (!Array.isArray(entries)) {
      throw new Error('PodDefaultValidationPlugin: the property allowUnlisted is not a list: give a list of NAME or NAMESPACE/NAME');
    }
    const problem = entries.map(e => AllowUnlisted.entryProblem(e, 'the allowUnlisted entry')).find(p => p !== undefined);
    if (problem !== undefined) { throw new Error(`PodDefaultValidationPlugin: ${problem}`); }
    this.allowUnlisted = new AllowUnlisted(entries);
  }

  /**
   * Checks the manifests of `context` (a cdk8s-cli `ValidationContext`) and submits its report: one
   * violation per problem, named by the rule, with every object involved.
   */
  public async validate(context: any): Promise<void> {
    const inputs: CheckInput[] = [];
    const where = new Map<string, Where>();
    const unreadable: string[] = [];
    for (const manifestPath of context.manifests as string[]) {
      const read = readManifestText(readFileSync(manifestPath, 'utf8'), manifestPath);
      append(unreadable, read.problems);
      for (const { source, value } of read.objects) {
        const name: string = value.metadata.name;
        const namespace: string = value.metadata.namespace ?? '';
        where.set(source, { manifestPath, name });
        inputs.push({ manifest: value, source, allowUnlisted: value.kind === 'PodDefault' && this.allowUnlisted.matches(namespace, name) });
      }
    }
    const resourceNames = constructResourceNames(inputs, where);
    for (const problem of unreadable) {
      context.report.addViolation({ ruleName: 'manifest', recommendation: problem, fix: 'fix the manifest', violatingResources: [] });
    }
    const problems = checkManifests(inputs);
    for (const problem of problems) {
      context.report.addViolation({
        ruleName: problem.rule,
        recommendation: problem.message,
        fix: problem.exempt === undefined ? problem.fix : `${problem.fix}, or ${pluginRemedy(problem)} if it is not meant for notebooks`,
        violatingResources: problem.sources.map(source => {
          // The ExternalSecret a ClusterExternalSecret generates is in no manifest: it is reported by its CES's.
          const read = where.has(source) ? source : generatingSource(source) ?? source;
          return {
            manifestPath: where.get(read)?.manifestPath ?? source,
            resourceName: resourceNames.get(read) ?? source,
            locations: problem.key === undefined ? [] : [problem.key],
          };
        }),
      });
    }
    const failed = problems.length + unreadable.length;
    context.report.submit(failed === 0 ? 'success' : 'failure', { problems: String(failed) });
  }
}

function pluginRemedy(problem: CheckProblem): string {
  return `add ${exemptEntry(problem)} to the property allowUnlisted of this plugin`;
}

/**
 * The resource name to report for each object. cdk8s-cli finds an object's construct path by its
 * resource name in cdk8s's construct-metadata.json, which App.synth writes keyed by name alone, each name
 * holding the path of the last object of that name it wrote. So an object is reported by its name only
 * when that entry is its own: its name is the only one of its kind among the manifests, or it is the last
 * of the objects of that name and they all came from one file, where App.synth wrote them in the order
 * it recorded them. The others are reported as `NAME (FILE#N)`, which names no construct, rather than as
 * another object's construct.
 */
function constructResourceNames(inputs: readonly CheckInput[], where: ReadonlyMap<string, Where>): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const input of inputs) {
    const w = where.get(input.source!)!;
    const list = byName.get(w.name);
    if (list === undefined) { byName.set(w.name, [input.source!]); } else { list.push(input.source!); }
  }
  const names = new Map<string, string>();
  for (const [name, sources] of byName) {
    const oneFile = sources.every(s => where.get(s)!.manifestPath === where.get(sources[0])!.manifestPath);
    sources.forEach((source, i) => {
      names.set(source, sources.length === 1 || (oneFile && i === sources.length - 1) ? name : `${name} (${source})`);
    });
  }
  return names;
}
