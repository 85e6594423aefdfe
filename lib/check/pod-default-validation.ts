// The in-process door to the app-wide check: a validation on the App, run by cdk8s on `app.synth()`,
// `app.synthYaml()` and `Testing.synth()`, which hands every object of the app to `checkManifests`.
import { ApiObject, App, YamlOutputType } from 'cdk8s';
import { IConstruct, IValidation, MetadataEntry } from 'constructs';
import { hasJsonPatches } from './cdk8s-internals';
import { checkManifests } from './check-manifests';
import { CheckInput, CheckProblem } from './types';
import { isRepeatedPass } from './synthesis-pass';

/** The metadata type that marks the App's check, so that attaching twice adds one check. */
const CHECK_METADATA = 'cdk8s-kubeflow-access:pod-default-check';
/**
 * The construct context key that turns the check off for an app, when set to `false` on the App before
 * anything is added to it: for measuring what the check costs, never for hiding its findings.
 */
const CHECK_CONTEXT = 'cdk8s-kubeflow-access:check';
/** The metadata type that exempts a PodDefault from the listing rule. */
const ALLOW_UNLISTED_METADATA = 'cdk8s-kubeflow-access:allow-unlisted';

/**
 * A synth-time check that no set of PodDefaults in the app is one Kubeflow would refuse.
 *
 * The access constructs of this library attach it themselves. Attach it with `attach(app)` to an app that
 * holds only PodDefaults from elsewhere (raw `ApiObject`s, `Include`d YAML).
 *
 * It reports, as cdk8s validation errors: PodDefaults of one namespace that the webhook cannot merge
 * together (when one notebook can select them together), mount paths that spell one directory
 * differently, an env var that one PodDefault's `env` and another's `envFrom` Secret both set, two
 * objects with the same group, kind, namespace and name (an ExternalSecret counts as the Secret it
 * writes), a PodDefault the notebook UI cannot list, the spawner's own `dshm` volume or `/dev/shm`
 * mount, a PodDefault name over 52 characters, invalid label keys and invalid selectors; with
 * `YamlOutputType.FILE_PER_RESOURCE`, objects that would share a file.
 */
export class PodDefaultValidation {
  /**
   * Attaches the check to `app`. Attaching twice adds one check.
   */
  public static attach(app: App): void {
    PodDefaultValidation.attachTo(app);
  }

  /**
   * The construct context key that turns the check off: `app.node.setContext(PodDefaultValidation.CONTEXT_KEY, false)`
   * on a new App, before anything is added to it. Meant for measuring what the check costs.
   */
  public static readonly CONTEXT_KEY = CHECK_CONTEXT;

  /**
   * Attaches the check to the app (the root) of `scope`, once, unless the app's context turns it off.
   */
  public static attachTo(scope: IConstruct): void {
    const root = scope.node.root;
    if (AppCheck.of(root) !== undefined || root.node.tryGetContext(CHECK_CONTEXT) === false) { return; }
    const check = new AppCheck(root);
    root.node.addValidation(check);
    root.node.addMetadata(CHECK_METADATA, check);
  }

  /**
   * Exempts one PodDefault from the notebook listing rule: for PodDefaults that are not meant to be picked
   * in the notebook UI (for instance ones selecting pipeline pods with `matchExpressions`).
   *
   * A PodDefault without `matchLabels` still breaks the notebook UI's configuration list for its whole
   * namespace, so exempt one only in a namespace where nobody spawns notebooks.
   */
  public static allowUnlisted(podDefault: ApiObject): void {
    podDefault.node.addMetadata(ALLOW_UNLISTED_METADATA, true);
    const own = podDefault as unknown as Partial<CheckSource>;
    if (typeof own._invalidateCheckInput === 'function') { own._invalidateCheckInput(); }
  }
}

/**
 * An object of this library that gives the check its manifest itself: built from data fixed at
 * construction, so it costs nothing to render, and the same object on every pass until a JSON patch
 * (or `allowUnlisted`) invalidates it.
 *
 * @internal
 */
export interface CheckSource {
  /** The input, or `undefined` when a JSON patch may have changed the object: then it is rendered. */
  _checkInput(): CheckInput | undefined;
  /** The input of a child this object made (its Secret), or `undefined` to read the child as foreign. */
  _ownChildInput(child: IConstruct): CheckInput | undefined;
  _invalidateCheckInput(): void;
}

/** Whether `obj` is exempt from the listing rule. */
export function isAllowedUnlisted(obj: IConstruct): boolean {
  return obj.node.metadata.some(isAllowUnlistedEntry);
}

/** A function of its own, not a closure made on each call: the check asks this of every PodDefault. */
function isAllowUnlistedEntry(entry: MetadataEntry): boolean {
  return entry.type === ALLOW_UNLISTED_METADATA;
}

/**
 * The check of one App. cdk8s 2.70 validates the whole app once per chart (`App._synthChart`) besides
 * once per synthesis. A pass collects the app's objects as check inputs, which is cheap (ours are fixed
 * objects, foreign ones are read from public fields unless they are PodDefaults, Secrets,
 * ExternalSecrets or patched), and reuses the previous result when the inputs are the same, so a change
 * between two synths is always seen. The per-chart repeats inside one `app.synth()` skip even the
 * collection (see synthesis-pass.ts): with a chart per profile, walking the tree once per chart would
 * cost as much as cdk8s's own walks.
 */
class AppCheck implements IValidation {
  public static of(root: IConstruct): AppCheck | undefined {
    return root.node.metadata.find(m => m.type === CHECK_METADATA)?.data;
  }

  /** How many times the check itself ran, for tests that it runs once per synthesis. */
  public computations = 0;
  private last?: { readonly tokens: unknown[]; readonly filePerResource: boolean; readonly errors: string[] };

  public constructor(private readonly root: IConstruct) {}

  public validate(): string[] {
    if (this.last !== undefined && isRepeatedPass()) { return this.last.errors; }
    const filePerResource = (this.root as App).yamlOutputType === YamlOutputType.FILE_PER_RESOURCE;
    const inputs: CheckInput[] = [];
    const tokens: unknown[] = [];
    collect(this.root, inputs, tokens);
    const last = this.last;
    if (last !== undefined && last.filePerResource === filePerResource && sameTokens(last.tokens, tokens)) { return last.errors; }
    this.computations++;
    const errors = checkManifests(inputs, { filePerResource }).map((p: CheckProblem) => p.message);
    this.last = { tokens, filePerResource, errors };
    return errors;
  }
}

/**
 * Adds a check input for every ApiObject under `scope`, in tree order, and beside each a token that is
 * equal (`===`) on the next pass exactly when the input is the same.
 */
function collect(scope: IConstruct, inputs: CheckInput[], tokens: unknown[]): void {
  const parent = scope as unknown as Partial<CheckSource>;
  const ownParent = typeof parent._ownChildInput === 'function';
  // An indexed loop: `for...of` allocates per step until V8 optimises it, and this walks the whole tree
  // once per synthesis.
  const children = scope.node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const own = child as unknown as Partial<CheckSource>;
    let input = ownParent ? parent._ownChildInput!(child) : undefined;
    if (input === undefined && typeof own._checkInput === 'function') { input = own._checkInput(); }
    if (input !== undefined) {
      inputs.push(input);
      tokens.push(input);
    } else if (ApiObject.isApiObject(child)) {
      const rendered = foreignInput(child as ApiObject);
      inputs.push(rendered);
      tokens.push(`${rendered.source}\n${rendered.allowUnlisted}\n${JSON.stringify(rendered.manifest)}`);
    }
    collect(child, inputs, tokens);
  }
}

/** Kinds whose content the rules read; other foreign objects count by identity only. */
const READ_KINDS = new Set(['PodDefault', 'Secret', 'ExternalSecret']);

function foreignInput(obj: ApiObject): CheckInput {
  const manifest = READ_KINDS.has(obj.kind) || hasJsonPatches(obj) || typeof (obj as Partial<CheckSource>)._checkInput === 'function'
    ? obj.toJson()
    : { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.name, namespace: obj.metadata.namespace } };
  return { manifest, source: obj.node.path, allowUnlisted: obj.kind === 'PodDefault' && isAllowedUnlisted(obj) };
}

function sameTokens(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) { return false; }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) { return false; }
  }
  return true;
}
