// The commands of the constructs for consumers besides notebooks (kserve, pipelines-store, trainer) as
// one implementation driven by a table each: unlike an access construct, such a construct takes several
// credential sources at once, each optional and under a flag prefix of its own (`--s3-...`, `--gcs-...`).
import type { CommandTable } from './access-command';
import { checkOneStdinReader, CommandSpec, EXIT_OK, given, OptionGroup, OptionSpec, required, UsageError } from './framework';
import { checkStoreUsed, REMOTE_VALUE_HELP, remoteFlags, STORE_OPTIONS } from './secret-store';
import { flagNames, PropFlags, propsNamedAfter, readProps } from './props';
import { AWS_ENV_SOURCE, SourceKind } from './sources';
import { Resolvable, SourceInput, synthesize } from './synth';

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
export interface ConsumerCommand extends CommandTable {
  readonly sources: readonly ConsumerSource[];
  /**
   * Flags that set other props, with their help under `heading`; each but `--namespace` sets the prop its
   * name gives in camel case (`--pipeline-root`: `pipelineRoot`), unless `props` says otherwise.
   */
  readonly options: { readonly heading: string; readonly options: { readonly [flag: string]: OptionSpec } };
  /** The flags of `options` whose prop takes more than the flag's value, such as one of its `choices`. */
  readonly props?: PropFlags;
  /** Flags besides the sources' that give the construct something to do (`aws-role-arn`): one of these or a source is required. */
  readonly alternatives?: readonly string[];
}

/** The command that `table` describes. */
export function consumerCommand(table: ConsumerCommand): CommandSpec {
  const { namespace: _namespace, ...propOptions } = table.options.options;
  const props: PropFlags = { ...propsNamedAfter(propOptions), ...table.props };
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
      const propsOf = readProps(args, props);
      checkOneStdinReader(args);
      const names = { ...flagNames(props), ...Object.fromEntries(inputs.map(i => [i.prop, i.input.flag])) };
      const sources = inputs.map(i => ({ fields: [i.prop], input: i.input }));
      // A fix such as "give s3 or gcs" names a source: the flag that gave it, else its flags' prefix.
      const words = Object.fromEntries(table.sources.map(s => [s.prop, inputs.find(i => i.prop === s.prop)?.input.flag ?? `--${s.prefix}...`]));
      await synthesize(io, names, sources, (lib, chart) => {
        const Construct = table.construct(lib);
        const read = (secret: { read: () => string }) => secret.read();
        const built = Object.fromEntries(inputs.map(i => [i.prop, i.input.build(lib, read)]));
        new Construct(chart, table.id, { namespace, ...propsOf(lib), ...built });
      }, words);
      return EXIT_OK;
    },
  };
}

/**
 * The S3 source of a consumer command: the aws-env command's flags under `--s3-`, but the signature
 * version and the checksums, which no consumer construct passes on (each signs with Signature Version
 * 4, and writes no checksum setting), and the settings said as the consumer takes them, not as a
 * notebook's variables (S3_ENDPOINT, S3_FORCE_PATH_STYLE), which no consumer reads.
 * `help` replaces the help of other flags that read otherwise there.
 */
export function s3Source(heading: string, help?: ConsumerSource['help']): ConsumerSource {
  return {
    prop: 's3', prefix: 's3-', kind: AWS_ENV_SOURCE, heading, omit: ['s3-signature-version', 's3-checksums'],
    help: {
      's3-region': 'the store\'s region, with --s3-access-key-id',
      's3-endpoint': 'the store\'s http(s)://host[:port], with --s3-access-key-id',
      's3-force-path-style': '"true" or "false": whether the store is addressed path-style or virtual-hosted, with --s3-access-key-id',
      ...help,
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
