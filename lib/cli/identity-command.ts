// The keyless identities on the command line. Each identity's flags are one table (IdentityFlags), which
// both its own command (aws-web-identity, azure-workload-identity, gcp-workload-identity: a generating
// command each, as accessCommand makes them, plus `--print-trust`, which prints the cloud side as JSON
// instead of the manifests) and `notebook --identity` read.
import type { Chart } from 'cdk8s';
import type { CloudIdentity } from '..';
import { accessCommand, AccessCommand } from './access-command';
import { Args, CommandSpec, EXIT_OK, InputError, OptionGroup, OptionSpec, refuse, required } from './framework';
import { flagNames, PropFlags, propsNamedAfter, readProps } from './props';
import { COMMON_FLAG_NAMES, inFlags, Library } from './synth';

/** One keyless identity's flags, and what they build. */
export interface IdentityFlags {
  /** The command's name, the construct's id, and the value of `notebook --identity`. */
  readonly name: string;
  /** The construct's class in the library. */
  readonly construct: (lib: Library) => new (scope: Chart, id: string, props: any) => unknown;
  /** The CloudIdentity of these props, for a NotebookAccess. */
  readonly cloudIdentity: (lib: Library, props: { [prop: string]: unknown }) => CloudIdentity;
  /** The default of `--description`, for the help. */
  readonly defaultDescription: string;
  /** The heading of the identity's own flags in the help. */
  readonly heading: string;
  /** The identity's own flags; each sets the prop its name gives in camel case (`--role-arn`: `roleArn`). */
  readonly options: { readonly [flag: string]: OptionSpec };
  /** The flags of `options` the identity needs, with what each gives. */
  readonly required: { readonly [flag: string]: string };
  /** The default token lifetime, for the help. */
  readonly defaultExpirationSeconds: number;
}

/** An identity command: its help, its identity, and what --print-trust prints. */
export interface IdentityCommand extends Pick<AccessCommand, 'summary' | 'synopsis' | 'description' | 'examples'> {
  readonly identity: IdentityFlags;
  readonly trust: {
    /** What --print-trust prints, for its help. */
    readonly help: string;
    /** Flags that only --print-trust takes; each sets the option of the trust method its name gives in camel case. */
    readonly options: OptionGroup['options'];
    /** The trust flags --print-trust needs, with what each gives. */
    readonly required: { readonly [flag: string]: string };
    /** The cloud side, from the construct and the trust flags' options. */
    readonly print: (construct: any, options: { [prop: string]: unknown }) => unknown;
  };
}

/** The flags every identity takes beside the PodDefault's names, under `prefix`; `expirationDefault` for the help. */
function sharedOptions(prefix: string, expirationDefault: string): OptionGroup {
  return {
    heading: 'Service account and token',
    options: {
      [`${prefix}service-account-name`]: { type: 'string', value: 'SA', help: 'the ServiceAccount the notebook pods run as, which the cloud trusts (default: default-editor, Kubeflow notebooks; ws-NAME for a Notebooks 2.0 workspace)' },
      [`${prefix}switch-service-account`]: { type: 'boolean', help: `also make the selected pods run as --${prefix}service-account-name (the PodDefault's serviceAccountName)` },
      [`${prefix}selector-label`]: { type: 'string', value: 'KEY', help: 'key of the selector label (default: the PodDefault\'s name)' },
      [`${prefix}expiration-seconds`]: { type: 'string', value: 'N', help: `lifetime of the projected token in seconds (default: ${expirationDefault}); the kubelet renews it` },
    },
  };
}

/** The props of the flags every identity takes, under `prefix`. */
function sharedProps(prefix: string): PropFlags {
  return {
    [`${prefix}service-account-name`]: { prop: 'serviceAccountName' },
    [`${prefix}switch-service-account`]: { prop: 'switchServiceAccount' },
    [`${prefix}selector-label`]: { prop: 'selectorLabel' },
    [`${prefix}expiration-seconds`]: { prop: 'expirationSeconds', integer: true },
  };
}

/** The flags of an identity's own construct props, and of those every identity takes, under `prefix`. */
export function identityProps(identity: IdentityFlags, prefix: string): PropFlags {
  return { ...sharedProps(prefix), ...propsNamedAfter(identity.options, prefix) };
}

/** The command that `table` describes. */
export function identityCommand(table: IdentityCommand): CommandSpec {
  const identity = table.identity;
  const props = identityProps(identity, '');
  const generate = accessCommand({
    ...table,
    name: identity.name,
    construct: identity.construct,
    id: identity.name,
    defaultDescription: identity.defaultDescription,
    props,
    groups: [{ heading: identity.heading, options: identity.options }, sharedOptions('', `${identity.defaultExpirationSeconds}`)],
  });
  const trustProps = propsNamedAfter(table.trust.options);
  return {
    ...generate,
    options: [...generate.options, {
      heading: 'The cloud side',
      options: { 'print-trust': { type: 'boolean', help: table.trust.help }, ...table.trust.options },
    }],
    run: async (args, io) => {
      const namespace = required(args, 'namespace', 'the namespace (Kubeflow profile) of the PodDefault, and of the ServiceAccount the cloud trusts');
      requireIdentityFlags(args, identity, '');
      if (args.values['print-trust'] !== true) {
        refuse(args, Object.keys(trustProps), 'without --print-trust, which prints the cloud side');
        return generate.run(args, io);
      }
      const propsOf = readProps(args, { name: { prop: 'name' }, description: { prop: 'description' }, ...props });
      const trustOf = readProps(args, trustProps);
      for (const [flag, what] of Object.entries(table.trust.required)) { required(args, flag, `${what}, for --print-trust`); }
      const lib: Library = await import('..');
      const { App, Chart } = await import('cdk8s');
      const chart = new Chart(new App(), 'cli');
      try {
        const Construct = identity.construct(lib);
        const construct = new Construct(chart, identity.name, { namespace, ...propsOf(lib) });
        io.stdout(`${JSON.stringify(table.trust.print(construct, trustOf(lib)), null, 2)}\n`);
      } catch (e) {
        if (lib.AccessError.isAccessError(e)) {
          throw new InputError(inFlags(e, { ...COMMON_FLAG_NAMES, ...flagNames(props), ...flagNames(trustProps) }));
        }
        throw e;
      }
      return EXIT_OK;
    },
  };
}

/** Throws a usage error unless every flag `identity` needs was given, under `prefix`. */
export function requireIdentityFlags(args: Args, identity: IdentityFlags, prefix: string): void {
  for (const [flag, what] of Object.entries(identity.required)) { required(args, `${prefix}${flag}`, what); }
}

/**
 * The help of the flags of `identities` under `prefix`, as a command that builds any one of them offers
 * them: each identity's own flags under its heading and `choose` (how the command picks it), then the
 * flags every identity takes.
 */
export function identityOptionGroups(identities: readonly IdentityFlags[], prefix: string, choose: (identity: IdentityFlags) => string): OptionGroup[] {
  const own = identities.map(identity => ({
    heading: `${identity.heading} (${choose(identity)})`,
    options: Object.fromEntries(Object.entries(identity.options).map(([flag, spec]) => [`${prefix}${flag}`, spec])),
  }));
  const expirations = identities.map(identity => `${identity.defaultExpirationSeconds} for ${identity.name}`).join(', ');
  return [...own, { ...sharedOptions(prefix, expirations), heading: 'Service account and token (every identity)' }];
}
