// The ESO v2 template that composes an AWS shared-credentials file from keys kept in a secret store, so
// that the Secret External Secrets Operator writes holds exactly the bytes AwsCredentials.fromKeys would
// write. The INI format has no quoting: fromKeys writes each value as it is, and so does the template.
import { templateLiteral, templateValue } from './store-secret';

/** The template's inputs, named after the file's own keys (valid Go identifiers, so `.name` reads them). */
export const ACCESS_KEY_ID_INPUT = 'aws_access_key_id';
export const SECRET_ACCESS_KEY_INPUT = 'aws_secret_access_key';
export const SESSION_TOKEN_INPUT = 'aws_session_token';

/**
 * The template of a whole credentials file fetched as input `name`: the file as stored, but for a
 * leading UTF-8 byte-order mark, which it drops as AwsCredentials.fromFile does (configparser, which the
 * AWS tools read the file with, fails on one). Sprig's `trimPrefix` is Go's strings.TrimPrefix with its
 * arguments swapped for a pipeline; the template's string literal is unquoted as a Go string, so
 * `"\ufeff"` is the BOM and the manifest shows no invisible character.
 */
export function storedCredentialsTemplate(name: string): string {
  return `{{ .${name} | trimPrefix "\\ufeff" }}`;
}

/**
 * The template of a credentials file with one profile, `profile` checked already: the header, then
 * `key = value` lines, a trailing newline, as renderCredentialsIni lays them out.
 */
export function credentialsTemplate(profile: string, withSessionToken: boolean): string {
  const lines = [
    templateLiteral(`[${profile}]`),
    `aws_access_key_id = ${templateValue(ACCESS_KEY_ID_INPUT)}`,
    `aws_secret_access_key = ${templateValue(SECRET_ACCESS_KEY_INPUT)}`,
    ...(withSessionToken ? [`aws_session_token = ${templateValue(SESSION_TOKEN_INPUT)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
