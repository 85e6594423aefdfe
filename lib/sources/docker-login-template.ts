// The ESO v2 template that composes config.json from a login kept in a secret store, so that the
// Secret External Secrets Operator writes holds exactly the bytes DockerConfig.fromLogin would write.
import { goJson } from './docker-config-json';
import { templateJson, templateLiteral } from './store-secret';

/** The template's inputs: the ExternalSecret's `data[].secretKey`s, read as `.username` and `.password`. */
export const USERNAME_INPUT = 'username';
export const PASSWORD_INPUT = 'password';

/**
 * The template text for one login to `server`, rendered by ESO into kubectl's compact JSON:
 * `{"auths":{SERVER:{"username":U,"password":P,"auth":BASE64(U:P)}}}`, no trailing newline.
 *
 * Shaped so because:
 * - each fetched value goes through sprig's `toJson` (Go's json.Marshal), which quotes and escapes it
 *   as kubectl does, `"`, `\`, control characters and `<`, `>`, `&` (as \u003c, \u003e, \u0026)
 *   included; ESO's documented example pastes values between quotes, and a `"` in a password then
 *   breaks the JSON;
 * - the object around the values is literal text, not `dict ... | toJson`: json.Marshal writes a map
 *   with its keys sorted (auth, password, username), kubectl writes username, password, auth;
 * - `auth` is base64 of "username:password" (`printf` then `b64enc`), also through `toJson` so that no
 *   value ever stands between literal quotes;
 * - the server is known at synth time: it is JSON-escaped here and written as literal text, with any
 *   `{{` in it turned into an action that prints `{{`.
 */
export function dockerLoginTemplate(server: string): string {
  return templateLiteral(`{"auths":{${goJson(server)}:{"username":`)
    + templateJson(USERNAME_INPUT)
    + ',"password":'
    + templateJson(PASSWORD_INPUT)
    + `,"auth":{{ printf "%s:%s" .${USERNAME_INPUT} .${PASSWORD_INPUT} | b64enc | toJson }}}}}`;
}
