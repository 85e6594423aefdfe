// The keyless identity commands (aws-web-identity, azure-workload-identity, gcp-workload-identity): a
// generating command each, as accessCommand makes them, plus `--print-trust`, which prints the cloud
// side (what the cloud must trust) as JSON instead of the manifests.
import { accessCommand, AccessCommand } from './access-command';
import { CommandSpec, EXIT_OK, InputError, OptionGroup, refuse, required } from './framework';
import { flagNames, PropFlags, readProps } from './props';
import { COMMON_FLAG_NAMES, inFlags, Library } from './synth';

/** An identity command: its generating table, the flags it needs, and what --print-trust prints. */
export interface IdentityCommand extends Omit<AccessCommand, 'source' | 'mountPath'> {
  /** Flags the command needs, with what each gives, checked before anything else. */
  readonly required: { readonly [flag: string]: string };
  /** The default token lifetime, for the help. */
  readonly defaultExpirationSeconds: number;
  readonly trust: {
    /** What --print-trust prints, for its help. */
    readonly help: string;
    /** Flags that only --print-trust takes, and the options of the trust method they set. */
    readonly options: OptionGroup['options'];
    /** The trust flags --print-trust needs, with what each gives. */
    readonly required: { readonly [flag: string]: string };
    readonly props: PropFlags;
    /** The cloud side, from the construct and the trust flags' options. */
    readonly print: (construct: any, options: { [prop: string]: unknown }) => unknown;
  };
}

/** The flags every identity takes beside the PodDefault's names. */
function identityOptions(defaultSeconds: number): OptionGroup {
  return {
    heading: 'Service account and token',
    options: {
      'service-account-name': { type: 'string', value: 'SA', help: 'the ServiceAccount the notebook pods run as, which the cloud trusts (default: default-editor, Kubeflow notebooks; ws-NAME for a Notebooks 2.0 workspace)' },
      'switch-service-account': { type: 'boolean', help: 'also make the selected pods run as --service-account-name (the PodDefault\'s serviceAccountName)' },
      'selector-label': { type: 'string', value: 'KEY', help: 'key of the selector label (default: the PodDefault\'s name)' },
      'expiration-seconds': { type: 'string', value: 'N', help: `lifetime of the projected token in seconds (default: ${defaultSeconds}); the kubelet renews it` },
    },
  };
}

const IDENTITY_PROPS: PropFlags = {
  'service-account-name': { prop: 'serviceAccountName' },
  'switch-service-account': { prop: 'switchServiceAccount' },
  'selector-label': { prop: 'selectorLabel' },
  'expiration-seconds': { prop: 'expirationSeconds', integer: true },
};

/** The command that `table` describes. */
export function identityCommand(table: IdentityCommand): CommandSpec {
  const props: PropFlags = { ...IDENTITY_PROPS, ...table.props };
  const generate = accessCommand({ ...table, props, groups: [...table.groups ?? [], identityOptions(table.defaultExpirationSeconds)] });
  const trustFlags = Object.keys(table.trust.options);
  return {
    ...generate,
    options: [...generate.options, {
      heading: 'The cloud side',
      options: { 'print-trust': { type: 'boolean', help: table.trust.help }, ...table.trust.options },
    }],
    run: async (args, io) => {
      const namespace = required(args, 'namespace', 'the namespace (Kubeflow profile) of the PodDefault, and of the ServiceAccount the cloud trusts');
      for (const [flag, what] of Object.entries(table.required)) { required(args, flag, what); }
      if (args.values['print-trust'] !== true) {
        refuse(args, trustFlags, 'without --print-trust, which prints the cloud side');
        return generate.run(args, io);
      }
      const propsOf = readProps(args, { name: { prop: 'name' }, description: { prop: 'description' }, ...props });
      const trustOf = readProps(args, table.trust.props);
      for (const [flag, what] of Object.entries(table.trust.required)) { required(args, flag, `${what}, for --print-trust`); }
      const lib: Library = await import('..');
      const { App, Chart } = await import('cdk8s');
      const chart = new Chart(new App(), 'cli');
      try {
        const Construct = table.construct(lib);
        const construct = new Construct(chart, table.id, { namespace, ...propsOf(lib) });
        io.stdout(`${JSON.stringify(table.trust.print(construct, trustOf(lib)), null, 2)}\n`);
      } catch (e) {
        if (lib.AccessError.isAccessError(e)) {
          throw new InputError(inFlags(e, { ...COMMON_FLAG_NAMES, ...flagNames(props), ...flagNames(table.trust.props) }));
        }
        throw e;
      }
      return EXIT_OK;
    },
  };
}
