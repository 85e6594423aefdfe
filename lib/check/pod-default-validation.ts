// The in-process door to the app-wide check: a validation on the App, run by cdk8s on `app.synth()`,
// `app.synthYaml()` and `Testing.synth()`, which hands every object of the app, as synth will write it,
// to `checkManifests`, after judging what kubectl would read other than synth wrote it (written-yaml.ts).
import { ApiObject, App, Chart, Names, YamlOutputType } from 'cdk8s';
import { IConstruct, IValidation, MetadataEntry } from 'constructs';
import { hasBuiltInResolvers, resolveDependencies, writtenManifest } from './cdk8s-internals';
import { checkManifests } from './check-manifests';
import { append } from './objects';
import { resourceFileName } from './output-files';
import { problemLine } from './problem';
import { isRepeatedPass } from './synthesis-pass';
import { CheckInput, CheckProblem } from './types';
import { writtenYamlProblems } from './written-yaml';
import { AccessError } from '../errors';
import { typeName } from '../json';

// Read once: each use of an import of cdk8s calls a getter of its module, and the walk below asks
// these of every construct of the app.
const isChart = Chart.isChart;
const isApiObject = ApiObject.isApiObject;

/** The metadata type that marks the App's check, so that attaching twice adds one check. */
const CHECK_METADATA = 'cdk8s-kubeflow-access:pod-default-check';
/**
 * The construct context key that turns the check off for an app, when set to `false` on the App before
 * anything is added to it: for measuring what the check costs, never for hiding its findings.
 */
const CHECK_CONTEXT = 'cdk8s-kubeflow-access:check';
/** How many walks one computation makes at most while rendering keeps adding objects (each walk renders every object). */
const MAX_WALKS = 8;
/** The metadata type that exempts a PodDefault from the listing rule. */
const ALLOW_UNLISTED_METADATA = 'cdk8s-kubeflow-access:allow-unlisted';

/**
 * A synth-time check that no set of PodDefaults in the app is one Kubeflow would refuse.
 *
 * The access constructs of this library attach it themselves. Attach it with `attach(app)` to an app that
 * holds only PodDefaults from elsewhere (raw `ApiObject`s, `Include`d YAML).
 *
 * It judges every object of the app as synth writes it (JSON patches applied), and reports, as cdk8s
 * validation errors: PodDefaults of one namespace that the webhook cannot merge together (when one
 * pod can select them together, over every label set), mount paths that spell one directory
 * differently, an env var that one PodDefault's `env` and another's `envFrom` Secret or ConfigMap both
 * set, two PodDefaults one pod can select that set different service accounts, two credentials for one
 * cloud that one pod would get (a keyless identity beside keys), two objects with the same group, kind,
 * namespace and name (an ExternalSecret counts as the Secret it writes, unless it merges into it, and a
 * ClusterExternalSecret as the ExternalSecret it writes in each namespace it targets),
 * objects the app's `YamlOutputType` would write to one file, a PodDefault the notebook UI cannot list,
 * the spawner's own `dshm` volume, `/dev/shm` or workspace (`/home/jovyan`) mount, a PodDefault field
 * its CRD does not declare (an `image` volume, a container's `restartPolicy`, a misspelt field: kubectl
 * apply refuses it, and the API server otherwise drops it), a PodDefault field its CRD's schema refuses (a
 * port number in quotes, a fraction for an integer, a required field such as a mount's `mountPath` missing:
 * the API server refuses the PodDefault), a metadata field of any object that ObjectMeta does not declare
 * (`metadata.lables`), annotations over the 256 KiB the API server takes (an object's own, or those one or two
 * PodDefaults give a notebook), a PodDefault name over 52 characters, invalid label keys, label values and annotation keys, invalid selectors (a
 * PodDefault's, and a ClusterExternalSecret's namespace selectors, which make it write no ExternalSecret),
 * a Secret the API server refuses (`data` that is no base64, a value of the wrong type, a refused key, more
 * than 1 MiB; or what its type asks for missing: a `.dockerconfigjson` or `.dockercfg` that is no JSON
 * object, `username` or `password`, `ssh-privatekey`, `tls.crt` and `tls.key`, a service account token's
 * ServiceAccount annotation; and a key the type of an ExternalSecret's `spec.target.template.type` asks for,
 * missing from the Secret it writes), an ExternalSecret's or ClusterExternalSecret's refresh duration External
 * Secrets Operator cannot read, an ExternalSecret (or a ClusterExternalSecret's `externalSecretSpec`) with two
 * `spec.data` items of one `secretKey`, which its webhook refuses, and one with a null list item, which the API
 * server refuses.
 */
export class PodDefaultValidation {
  /**
   * Attaches the check to `app`. Attaching twice adds one check.
   */
  public static attach(app: App): void {
    // From JavaScript: anything but a construct is refused here, not by a TypeError in attachTo.
    if (typeof (app as Partial<App> | undefined)?.node?.addValidation !== 'function') {
      throw new AccessError(`the app is ${typeName(app)}, not a construct: give PodDefaultValidation.attach the cdk8s App, such as new App()`);
    }
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
    if (root.node.metadata.some(isCheckEntry) || root.node.tryGetContext(CHECK_CONTEXT) === false) { return; }
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
  }
}

function isCheckEntry(entry: MetadataEntry): boolean {
  return entry.type === CHECK_METADATA;
}

/** A function of its own, not a closure made on each call: the check asks this of every PodDefault. */
function isAllowUnlistedEntry(entry: MetadataEntry): boolean {
  return entry.type === ALLOW_UNLISTED_METADATA;
}

/** How this door words the listing rule's exemption. */
function remedy(): string {
  return 'call PodDefaultValidation.allowUnlisted() on it';
}

/**
 * The check of one App. Each synthesis renders every object once and judges the result. cdk8s 2.70
 * validates the whole app once per synthesis and then, inside `App.synth()` and `App.synthYaml()`, once
 * more per chart (`App._synthChart`); those repeats reuse the synthesis's first result while the chart
 * each renders holds the objects judged there (see synthesis-pass.ts for what that assumes), since
 * rendering the app once per chart, or walking it, would cost as much as cdk8s's own walks with a chart
 * per profile.
 */
class AppCheck implements IValidation {
  /** How many times the check itself ran, for tests that it runs once per synthesis. */
  public computations = 0;
  private errors?: string[];
  /** The objects the last computation judged. */
  private judged: Judged = judgedObjects();
  /** The charts this synthesis's repeats render, one each, in order; `null` when that cannot be told. */
  private rendered?: readonly Chart[] | null;
  /** How many repeats of this synthesis have run. */
  private repeats = 0;

  public constructor(private readonly root: IConstruct) {}

  public validate(): string[] {
    const repeat = this.errors !== undefined && isRepeatedPass();
    // A repeat reuses the first pass's result only while the chart it renders next holds the objects judged
    // there: an object added since (by a validation that ran after the check, or a producer while cdk8s
    // rendered another chart) is judged before it is written.
    if (repeat && this.sameAsJudged(this.nextRendered())) { return this.errors!; }
    if (!repeat) {
      this.repeats = 0;
      this.rendered = undefined;
    }
    this.computations++;
    let judged = judgedObjects();
    let inputs = appInputs(this.root, judged);
    // Rendering runs producers, which may add objects where the walk has been: walk again until none is added.
    for (let walks = 1; !sameObjects(this.root, judged.all); walks++) {
      if (walks === MAX_WALKS) { throw new AccessError(unsettled(this.root, judged.all)); }
      judged = judgedObjects();
      inputs = appInputs(this.root, judged);
    }
    this.judged = judged;
    // What kubectl would read other than synth wrote it first; then the manifests as the other doors judge them.
    const problems: CheckProblem[] = writtenYamlProblems(inputs);
    append(problems, checkManifests(inputs));
    const errors = new Array<string>(problems.length);
    for (let i = 0; i < problems.length; i++) { errors[i] = problemLine(problems[i], remedy); }
    this.errors = errors;
    return errors;
  }

  /**
   * The chart the running repeat renders: the next of `app.charts`, which App.synth and App.synthYaml render
   * in that order, one `_synthChart` each, as the first repeat finds them (App.synth reads them before it);
   * `undefined` when that cannot be told (a chart renders itself with a toJson of its own, or more repeats
   * run than there are charts), or need not be: the objects judged are of one chart, and a walk over the
   * app costs what one over that chart does, without ordering the charts.
   */
  private nextRendered(): Chart | undefined {
    if (this.rendered === undefined) { this.rendered = this.judged.byChart.size > 1 ? renderOrder(this.root as App) : null; }
    return this.rendered?.[this.repeats++];
  }

  /**
   * Whether `chart` holds exactly the objects judged there, or, when the chart is not known, the whole app
   * the objects judged: a walk over that chart alone (a walk over the app for every repeat would cost as
   * much as cdk8s's own, with a chart per profile).
   */
  private sameAsJudged(chart: Chart | undefined): boolean {
    return chart === undefined ? sameObjects(this.root, this.judged.all) : sameObjects(chart, this.judged.byChart.get(chart) ?? [], true);
  }
}

/**
 * The charts in the order App.synth and App.synthYaml render them (`app.charts`: both have resolved the
 * charts' dependencies before the first repeat, which asks this), or `null` when a chart's rendering may
 * not be one repeat: a Chart whose toJson is its own.
 */
function renderOrder(app: App): readonly Chart[] | null {
  const charts = app.charts;
  return charts.every(chart => chart.toJson === CHART_TO_JSON) ? charts : null;
}

/** Read once: each use of an import of cdk8s calls a getter of its module. */
const CHART_TO_JSON = Chart.prototype.toJson;

/** The objects a walk met, in tree order, and by the chart whose rendering writes them (Chart.of). */
interface Judged {
  readonly all: ApiObject[];
  readonly byChart: Map<Chart, ApiObject[]>;
}

function judgedObjects(): Judged {
  return { all: [], byChart: new Map() };
}

/**
 * Every object of the app rooted at `root`, in tree order, as synth writes it and where it writes it;
 * the objects themselves are added to `judged`, when given.
 */
export function appInputs(root: IConstruct, judged?: Judged): CheckInput[] {
  const app = root as App;
  const walk = new Walk(hasBuiltInResolvers(app), new OutputFiles(app), judged);
  walk.visit(root, undefined);
  return walk.finish();
}

/** Why the check cannot judge an app whose rendering adds objects every time: naming one it added last. */
function unsettled(root: IConstruct, judged: readonly ApiObject[]): string {
  const known = new Set<IConstruct>(judged);
  const added = root.node.findAll().find(c => isApiObject(c) && !known.has(c));
  return `rendering the app adds objects every time it runs (${added === undefined ? 'or removes them' : `${added.node.path} among them`}): `
    + 'a Lazy producer or a toJson of its own that makes constructs, so the check cannot judge what synth would write; '
    + 'make the objects when the app is built, not when it is rendered';
}

/**
 * Whether the ApiObjects of the tree under `scope` are `objects`, in tree order (a walk that renders
 * nothing); with `ownChart`, those of the chart `scope` alone, not of the charts inside it.
 */
function sameObjects(scope: IConstruct, objects: readonly ApiObject[], ownChart = false): boolean {
  let next = 0;
  const visit = (s: IConstruct): boolean => {
    const children = s.node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (ownChart && isChart(child)) { continue; }
      if (isApiObject(child) && objects[next++] !== child) { return false; }
      if (!visit(child)) { return false; }
    }
    return true;
  };
  return visit(scope) && next === objects.length;
}

/** One object met on the walk. */
interface Met {
  readonly manifest: any;
  readonly source: string;
  readonly allowUnlisted: boolean;
  /** Its file, or within its chart's folder, when that does not depend on the chart's name. */
  readonly file?: string;
  readonly chart?: Chart;
}

/** The walk over the tree that collects the inputs. */
class Walk {
  private readonly met: Met[] = [];

  public constructor(private readonly builtInResolvers: boolean, private readonly files: OutputFiles, private readonly judged?: Judged) {}

  public visit(scope: IConstruct, chart: Chart | undefined): void {
    const children = scope.node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      let own = chart;
      if (isChart(child)) {
        own = child as Chart;
      } else if (isApiObject(child)) {
        const obj = child as ApiObject;
        if (this.judged !== undefined) { this.noteJudged(obj, own); }
        const manifest = writtenManifest(obj, this.builtInResolvers);
        this.met.push({
          manifest,
          source: obj.node.path,
          allowUnlisted: manifest?.kind === 'PodDefault' && obj.node.metadata.some(isAllowUnlistedEntry),
          file: this.files.objectFile(obj, manifest),
          chart: own,
        });
      }
      if (this.files.charted) { this.files.note(child); }
      this.visit(child, own);
    }
  }

  public finish(): CheckInput[] {
    const inputs = new Array<CheckInput>(this.met.length);
    for (let i = 0; i < this.met.length; i++) {
      const { manifest, source, allowUnlisted, file, chart } = this.met[i];
      if (!this.files.charted || chart === undefined) {
        inputs[i] = file === undefined ? { manifest, source, allowUnlisted } : { manifest, source, allowUnlisted, file };
      } else if (file !== undefined) {
        inputs[i] = { manifest, source, allowUnlisted, file: `${this.files.chartName(chart)}/${file}` };
      } else {
        inputs[i] = { manifest, source, allowUnlisted, file: this.files.chartFile(chart), chart: chart.node.path };
      }
    }
    return inputs;
  }

  private noteJudged(obj: ApiObject, chart: Chart | undefined): void {
    this.judged!.all.push(obj);
    if (chart === undefined) { return; }
    const inChart = this.judged!.byChart.get(chart);
    if (inChart === undefined) { this.judged!.byChart.set(chart, [obj]); } else { inChart.push(obj); }
  }
}

/**
 * Where synth writes each object, as cdk8s 2.70's `App.synth()` names the files (see output-files.ts):
 * one file per object, named after its kind and name, flat or in a folder per chart; or one file per
 * chart, named after the chart with `Names.toDnsLabel`, which two charts can share only when one's id
 * spells the name cdk8s makes of the other's path. Chart files and folders are numbered (`0000-name`) in
 * the app's chart order when charts depend on each other (a chart directly inside a chart, or a
 * dependency between constructs of two charts), as App.synth's `resolveDependencies` tells. With one
 * file for the app, no object can replace another's.
 */
class OutputFiles {
  private readonly extension: string;
  /** Whether files are named after charts. */
  public readonly charted: boolean;
  /** Where an object's own file is: flat, in its chart's folder, or nowhere (its chart's or the app's file). */
  private readonly perObject?: 'flat' | 'folder';
  private dependantCharts = false;
  private order?: Chart[];
  private readonly names = new Map<Chart, string>();
  private readonly files = new Map<Chart, string>();

  public constructor(private readonly app: App) {
    const type = app.yamlOutputType;
    this.extension = app.outputFileExtension;
    this.charted = type === YamlOutputType.FILE_PER_CHART || type === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE;
    this.perObject = type === YamlOutputType.FILE_PER_RESOURCE ? 'flat' : type === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE ? 'folder' : undefined;
  }

  /** The file of one object, or its file within its chart's folder. */
  public objectFile(obj: ApiObject, manifest: any): string | undefined {
    if (this.perObject === undefined) { return undefined; }
    // App.synth names the file after the rendered object, or in a folder per chart, after the construct's own fields.
    return this.perObject === 'flat'
      ? `${resourceFileName(manifest?.kind, manifest?.metadata?.name)}${this.extension}`
      : `${resourceFileName(obj.kind, obj.metadata.name)}${this.extension}`;
  }

  /** Notes whether `construct` makes charts depend on each other, until one does. */
  public note(construct: IConstruct): void {
    if (this.dependantCharts) { return; }
    if (isChart(construct) && construct.node.children.some(isChart)) {
      this.dependantCharts = true;
      return;
    }
    const dependencies = construct.node.dependencies;
    for (let i = 0; i < dependencies.length; i++) {
      if (Chart.of(construct) !== Chart.of(dependencies[i])) {
        this.dependantCharts = true;
        return;
      }
    }
  }

  /** The chart's file, with FILE_PER_CHART. */
  public chartFile(chart: Chart): string {
    let file = this.files.get(chart);
    if (file === undefined) {
      file = `${this.chartName(chart)}${this.extension}`;
      this.files.set(chart, file);
    }
    return file;
  }

  /** The name App.synth gives the chart's file or folder. */
  public chartName(chart: Chart): string {
    let name = this.names.get(chart);
    if (name === undefined) {
      name = Names.toDnsLabel(chart);
      if (this.dependantCharts) {
        if (this.order === undefined) {
          // App.synth numbers the charts in its order after resolving their dependencies; it resolves
          // them right after this first validation, so resolving them now changes nothing it would not.
          resolveDependencies(this.app);
          this.order = this.app.charts;
        }
        name = `${String(this.order.indexOf(chart)).padStart(4, '0')}-${name}`;
      }
      this.names.set(chart, name);
    }
    return name;
  }
}
