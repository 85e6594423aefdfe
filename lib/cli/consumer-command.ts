// The commands of the constructs for consumers besides notebooks (kserve, pipelines-store, trainer) as
// one implementation driven by a table each: unlike an access construct, such a construct takes several
// credential sources at once, each optional and under a flag prefix of its own (`--s3-...`, `--gcs-...`).
import type { Chart } from 'cdk8s';
import { checkOneStdinReader, CommandSpec, EXIT_OK, given, OptionGroup, OptionSpec, required, UsageError } from './framework';
import { checkStoreUsed, REMOTE_VALUE_HELP, remoteFlags, STORE_OPTIONS } from './secret-store';
import { flagNames, PropFlags, readProps } from './props';
import type { SourceKind } from './sources';
import { Library, Resolvable, SourceInput, synthesize } from './synth';

/** One credential source of a consumer construct. */
export interface ConsumerSource {
  /** The construct prop it fills. */
  readonly prop: string;
  /** The prefix of its flags, such as `s3-`. */
  readonly prefix: string;
  readonly kind: SourceKind<Resolvable | undefined>;
  readonly heading: string;
  /** Flags of the kind that do not apply to this construct, left out of the command. */
  readonly omit?: readonly string[];
  /** Help texts that differ for this construct, by flag. */
  readonly help?: { readonly [flag: string]: string };
}

/** A consumer command: its help, and what it builds from which flags. */
export interface ConsumerCommand {
  readonly name: string;
  readonly summary: string;
  readonly synopsis: readonly string[];
  readonly description: readonly string[];
  readonly examples: readonly string[];
  readonly construct: (lib: Library) => new (scope: Chart, id: string, props: any) => unknown;
  /** The construct's id in the chart. */
  readonly id: string;
  readonly sources: readonly ConsumerSource[];
  /** Flags that set other props, with their help under `heading`. */
  readonly options: { readonly heading: string; readonly options: { readonly [flag: string]: OptionSpec } };
  readonly props: PropFlags;
  /** Flags besides the sources' that give the construct something to do (`aws-role-arn`): one of these or a source is required. */
  readonly alternatives?: readonly string[];
}

/** The command that `table` describes. */
export function consumerCommand(table: ConsumerCommand): CommandSpec {
  const sourceOptions = table.sources.map(source => ({ source, options: optionsOf(source) }));
  return {
    name: table.name,
    summary: table.summary,
    synopsis: table.synopsis,
    description: [...table.description, `One store serves every --...remote-... flag. ${REMOTE_VALUE_HELP}`],
    examples: table.examples,
    options: [
      ...sourceOptions.map(({ source, options }) => ({ heading: source.heading, options })),
      STORE_OPTIONS,
      table.options,
    ],
    run: async (args, io) => {
      const namespace = required(args, 'namespace', 'the namespace (Kubeflow profile) of every object');
      const inputs: { prop: string; input: SourceInput<Resolvable | undefined> }[] = [];
      for (const { source, options } of sourceOptions) {
        if (given(args, Object.keys(options)).length === 0) { continue; }
        inputs.push({ prop: source.prop, input: source.kind.read(args, io, source.prefix) });
      }
      const alternatives = table.alternatives ?? [];
      if (inputs.length === 0 && given(args, alternatives).length === 0) {
        const each = [...table.sources.map(s => `--${s.prefix}...`), ...alternatives.map(f => `--${f}`)];
        throw new UsageError(`nothing to write: give at least one of ${each.join(', ')}`);
      }
      checkStoreUsed(args, inputs.some(i => i.input.usesStore), sourceOptions.flatMap(({ options }) => remoteFlags(options)));
      const propsOf = readProps(args, table.props);
      checkOneStdinReader(args);
      const names = { ...flagNames(table.props), ...Object.fromEntries(inputs.map(i => [i.prop, i.input.flag])) };
      const sources = inputs.map(i => ({ fields: [i.prop], input: i.input }));
      await synthesize(io, names, sources, (lib, chart) => {
        const Construct = table.construct(lib);
        const read = (secret: { read: () => string }) => secret.read();
        const built = Object.fromEntries(inputs.map(i => [i.prop, i.input.build(lib, read)]));
        new Construct(chart, table.id, { namespace, ...propsOf(lib), ...built });
      });
      return EXIT_OK;
    },
  };
}

/** The flags of a source as this command offers them. */
function optionsOf(source: ConsumerSource): { [flag: string]: OptionSpec } {
  const options: { [flag: string]: OptionSpec } = {};
  for (const [flag, spec] of Object.entries(source.kind.options(source.prefix))) {
    if (source.omit?.includes(flag)) { continue; }
    const help = source.help?.[flag];
    options[flag] = help === undefined ? spec : { ...spec, help };
  }
  return options;
}

/** `--namespace`, and the flags of the props every consumer command shares. */
export function consumerOptions(heading: string, extra: { readonly [flag: string]: OptionSpec }): OptionGroup {
  return {
    heading,
    options: {
      namespace: { type: 'string', value: 'NS', help: 'namespace (the Kubeflow profile) of every object; required' },
      ...extra,
      'immutable': { type: 'boolean', help: 'mark the Secrets the command prints immutable' },
      'hash-secret-name': { type: 'boolean', help: 'append a kustomize-style content hash to the name of each Secret the command prints' },
    },
  };
}

/** The props of consumerOptions' shared flags. */
export const CONSUMER_PROPS: PropFlags = {
  'immutable': { prop: 'immutable' },
  'hash-secret-name': { prop: 'hashSecretName' },
};
