// The generating commands (docker, aws-credentials, aws-env, minio) as one implementation driven by a
// table each: the construct, its credential source, and the flags that set its other props. A new
// access construct becomes a command by one more table.
import type { Chart } from 'cdk8s';
import { checkOneStdinReader, CommandSpec, EXIT_OK, OptionGroup, required } from './framework';
import { commonOptions, mountOptions } from './options';
import { checkStoreUsed, REMOTE_VALUE_HELP, remoteFlags, STORE_OPTIONS } from './secret-store';
import { flagNames, PropFlags, readProps } from './props';
import type { SourceKind } from './sources';
import { Library, Resolvable, synthesize } from './synth';

/** What a command driven by a table says: its help, and the construct it builds. */
export interface CommandTable {
  readonly name: string;
  readonly summary: string;
  readonly synopsis: readonly string[];
  readonly description: readonly string[];
  readonly examples: readonly string[];
  /** The construct's class in the library. */
  readonly construct: (lib: Library) => new (scope: Chart, id: string, props: any) => unknown;
  /** The construct's id in the chart. */
  readonly id: string;
}

/** A generating command: its help, and what it builds from which flags; its `id` is the default of `--name`. */
export interface AccessCommand extends CommandTable {
  /** The default of `--description`, for the help. */
  readonly defaultDescription: string;
  /** The credential source, the heading of its flags in the help, and the prop it fills; none for a construct without a Secret. */
  readonly source?: { readonly kind: SourceKind<Resolvable | undefined>; readonly heading: string; readonly prop: string };
  /** Flags that set other props of the construct; their help is in `source` or `groups`. */
  readonly props?: PropFlags;
  /** More flags, listed after the source's. */
  readonly groups?: readonly OptionGroup[];
  /** Where the construct mounts its Secret by default, for those that mount it: adds the mount flags. */
  readonly mountPath?: string;
}

/** The props of commonOptions without its Secret flags, but `--namespace`, which every command requires. */
const POD_DEFAULT_PROPS: PropFlags = {
  'name': { prop: 'name' },
  'description': { prop: 'description' },
};

/** The props of commonOptions, but `--namespace`. */
const COMMON_PROPS: PropFlags = {
  ...POD_DEFAULT_PROPS,
  'secret-name': { prop: 'secretName' },
  'immutable': { prop: 'immutable' },
  'hash-secret-name': { prop: 'hashSecretName' },
  'workspace-mountable': { prop: 'workspaceMountable' },
};

const MOUNT_PROPS: PropFlags = {
  'volume-name': { prop: 'volumeName' },
  'mount-path': { prop: 'mountPath' },
};

/** The command that `table` describes. */
export function accessCommand(table: AccessCommand): CommandSpec {
  const source = table.source;
  const common = source === undefined ? POD_DEFAULT_PROPS : COMMON_PROPS;
  const props: PropFlags = { ...common, ...(table.mountPath === undefined ? {} : MOUNT_PROPS), ...table.props };
  return {
    name: table.name,
    summary: table.summary,
    synopsis: table.synopsis,
    description: source === undefined ? table.description : [...table.description, REMOTE_VALUE_HELP],
    examples: table.examples,
    options: [
      ...source === undefined ? [] : [{ heading: source.heading, options: source.kind.options('') }, STORE_OPTIONS],
      ...table.groups ?? [],
      commonOptions(table.id, table.defaultDescription, source !== undefined),
      ...table.mountPath === undefined ? [] : [mountOptions(table.mountPath)],
    ],
    run: async (args, io) => {
      const namespace = required(args, 'namespace', `the namespace (Kubeflow profile) of the ${source === undefined ? '' : 'Secret and the '}PodDefault`);
      const input = source?.kind.read(args, io, '');
      if (source !== undefined) { checkStoreUsed(args, input!.usesStore, remoteFlags(source.kind.options(''))); }
      const propsOf = readProps(args, props);
      checkOneStdinReader(args);
      const names = { ...flagNames(props), ...source === undefined ? {} : { [source.prop]: input!.flag } };
      const sources = source === undefined ? [] : [{ fields: [source.prop], input: input! }];
      await synthesize(io, names, sources, (lib, chart) => {
        const Construct = table.construct(lib);
        const sourceProp = source === undefined ? {} : { [source.prop]: input!.build(lib, secret => secret.read()) };
        new Construct(chart, table.id, { namespace, ...propsOf(lib), ...sourceProp });
      });
      return EXIT_OK;
    },
  };
}
