// Flags that set one construct prop each, as a table: which prop, and how the flag's value becomes the
// prop's. Errors about a prop name its flag through the same table.
import { Args, choice, str, UsageError } from './framework';
import type { FlagNames, Library } from './synth';

/** How one flag sets one prop. */
export interface PropFlag {
  readonly prop: string;
  /** The values a string flag takes, each mapped to the prop's value (or to a member of `enumOf`). */
  readonly choices?: { readonly [value: string]: string | boolean };
  /** The library enum whose member the mapped choice names, such as S3SignatureVersion. */
  readonly enumOf?: (lib: Library) => { readonly [member: string]: unknown };
  /** The prop's value when a switch is given. @default true */
  readonly whenGiven?: boolean;
  /** The flag's value is a whole number, such as a count of seconds. @default false */
  readonly integer?: boolean;
}

/** Flags by name (without `--`), each setting a prop. */
export interface PropFlags { readonly [flag: string]: PropFlag }

/**
 * Checks the choices now, so that a bad value is a usage error before any input is read, and returns
 * the props of the given flags; a flag not given leaves its prop out, so the library's default applies.
 */
export function readProps(args: Args, table: PropFlags): (lib: Library) => { [prop: string]: unknown } {
  const chosen = new Map<string, string | boolean | undefined>();
  for (const [flag, spec] of Object.entries(table)) {
    if (spec.choices !== undefined) { chosen.set(flag, choice(args, flag, spec.choices)); }
    const text = spec.integer ? str(args, flag) : undefined;
    if (text !== undefined && !/^[0-9]+$/.test(text)) {
      throw new UsageError(`--${flag} must be a whole number, such as 7200`);
    }
    // Past 2^53 it would reach the library, and its message, rounded.
    if (text !== undefined && !Number.isSafeInteger(Number(text))) {
      throw new UsageError(`--${flag} is too large: give a whole number such as 7200`);
    }
  }
  return lib => {
    const props: { [prop: string]: unknown } = {};
    for (const [flag, spec] of Object.entries(table)) {
      const value = args.values[flag];
      if (value === undefined) { continue; }
      if (value === true) {
        props[spec.prop] = spec.whenGiven ?? true;
      } else if (spec.choices !== undefined) {
        const mapped = chosen.get(flag)!;
        props[spec.prop] = spec.enumOf === undefined ? mapped : spec.enumOf(lib)[mapped as string];
      } else {
        props[spec.prop] = spec.integer ? Number(value) : value;
      }
    }
    return props;
  };
}

/** Each flag of `options`, under `prefix`, setting the prop its name gives in camel case (`--role-arn`: `roleArn`). */
export function propsNamedAfter(options: { readonly [flag: string]: unknown }, prefix = ''): PropFlags {
  return Object.fromEntries(Object.keys(options).map(flag => [`${prefix}${flag}`, { prop: flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) }]));
}

/** The flag of each prop of `table`, for errors: `secretType` -> `--secret-type`. */
export function flagNames(table: PropFlags): FlagNames {
  return Object.fromEntries(Object.entries(table).map(([flag, spec]) => [spec.prop, `--${flag}`]));
}
