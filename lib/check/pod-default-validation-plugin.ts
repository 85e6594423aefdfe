// The cdk8s-cli door to the app-wide check: a validation plugin (`validations:` in cdk8s.yaml) that
// reads the manifests `cdk8s synth` wrote, whoever wrote them (our constructs, KubePodDefaults, Helm
// output in an Include), and reports every problem through the plugin report, rule by rule.
import { readFileSync } from 'fs';
import * as YAML from 'yaml';
import { checkManifests } from './check-manifests';
import { CheckInput } from './types';

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

  /**
   * The app writes one file per object (`YamlOutputType.FILE_PER_RESOURCE`): objects that would share a
   * file are refused.
   * @default false
   */
  readonly filePerResource?: boolean;
}

/**
 * The app-wide PodDefault check as a cdk8s-cli validation plugin, so that `cdk8s synth` fails for any
 * app whose manifests hold PodDefaults Kubeflow would refuse together, even one that uses no construct
 * of this library.
 *
 * In cdk8s.yaml:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-kubeflow-access
 *     version: 0.1.0
 *     class: PodDefaultValidationPlugin
 * ```
 */
export class PodDefaultValidationPlugin {
  private readonly allowUnlisted: Set<string>;
  private readonly filePerResource: boolean;

  public constructor(props: PodDefaultValidationPluginProps = {}) {
    this.allowUnlisted = new Set(props.allowUnlisted ?? []);
    this.filePerResource = props.filePerResource === true;
  }

  /**
   * Checks the manifests of `context` (a cdk8s-cli `ValidationContext`) and submits its report: one
   * violation per problem, named by the rule, with every object involved.
   */
  public async validate(context: any): Promise<void> {
    const inputs: CheckInput[] = [];
    const where = new Map<string, { manifestPath: string; resourceName: string }>();
    for (const manifestPath of context.manifests as string[]) {
      YAML.parseAllDocuments(readFileSync(manifestPath, 'utf8')).forEach((doc, i) => {
        const manifest = doc.toJS();
        if (manifest === null || typeof manifest !== 'object') { return; }
        const source = `${manifestPath}#${i + 1}`;
        const name = String(manifest.metadata?.name ?? '');
        const namespace = manifest.metadata?.namespace;
        where.set(source, { manifestPath, resourceName: name });
        inputs.push({
          manifest,
          source,
          allowUnlisted: this.allowUnlisted.has(name) || this.allowUnlisted.has(`${namespace}/${name}`),
        });
      });
    }
    const problems = checkManifests(inputs, { filePerResource: this.filePerResource });
    for (const problem of problems) {
      const message = problem.message.replace('call PodDefaultValidation.allowUnlisted() on it', 'list it as NAMESPACE/NAME in the property allowUnlisted of this plugin');
      const cut = message.lastIndexOf('; ');
      context.report.addViolation({
        ruleName: problem.rule,
        recommendation: cut < 0 ? message : message.slice(0, cut),
        fix: cut < 0 ? message : message.slice(cut + 2),
        violatingResources: problem.sources.map(source => ({
          ...(where.get(source) ?? { manifestPath: source, resourceName: '' }),
          locations: problem.key === undefined ? [] : [problem.key],
        })),
      });
    }
    context.report.submit(problems.length === 0 ? 'success' : 'failure', { problems: String(problems.length) });
  }
}
