// One cloud identity per pod. A pod that gets two credentials for one cloud from two PodDefaults is
// admitted by the webhook when they use different variables or files, and the cloud's SDK then picks one
// by its own order, without a word: a keyless identity offered beside keys is silently not used, or is
// silently used instead of a file. Which one wins is the SDK's: botocore's, @azure/identity's and
// google-auth-library's orders are tested against them (test/identity/sdk-reference.test.ts), adlfs's is
// read from its source (adlfs/spec.py).
//
// What the check sees: env entries of the PodDefaults; the keys of `envFrom` Secrets and ConfigMaps the
// input holds (an ExternalSecret's target counts, as for env-source); files a PodDefault mounts from a
// Secret the input holds. An `envFrom` source or a mounted Secret the input does not hold is not judged.
// An AWS credentials file counts when botocore would read it by default (a `credentials` file in the
// `.aws` directory of the HOME a PodDefault of the pod sets, or of any HOME where none sets one the check knows, as
// the image's is not known; or the file `AWS_SHARED_CREDENTIALS_FILE` names, `~` and `$HOME` expanded with the
// HOME a PodDefault sets, else the Kubeflow images' /home/jovyan) and has keys for the profile it
// reads by default: `[default]`, or the one `AWS_DEFAULT_PROFILE` or `AWS_PROFILE` names (botocore
// still tries the web identity first); a file of other profiles only is for `Session(profile_name=...)`,
// which botocore honours before the environment. The file is read as botocore reads it
// (sources/botocore-credentials-file.ts), not as the library's own parser, which refuses more; one
// botocore raises for is none. The config file counts likewise (`config` in a `.aws` directory, or the file
// `AWS_CONFIG_FILE` names), and a profile gives what botocore's first provider for it gives, the two files of the
// pod read together as botocore merges them, whichever PodDefault of the pair mounts each (botocoreProviders): a
// role (`role_arn` with a source, followed through source profiles that are roles) before the web identity, a
// credential_process or the config file's keys after it; a profile's own web identity and SSO come after the env's
// web identity and give no pair; the library's own config file, a region alone, gives none. A pod of two PodDefaults
// may get three AWS credentials or more: a pair is reported only when its `used` one is the one botocore uses of all
// the pod gets (AWS_ORDER), else the pair of the one that wins says it (compared with botocore for every three sources
// in test/identity/sdk-reference.test.ts). An empty profile name makes botocore raise before it tries any AWS
// credential: a pod that gets one has no AWS pair. gcloud's file counts in `.config/gcloud`, or in the
// directory `CLOUDSDK_CONFIG` names. Each of these values is first what the kubelet makes of it at container start
// (admission/env-expansion.ts): `$(VAR)` expanded with the variables set before it in the container's env as the
// webhook merged it (`$$` a `$`; a variable set nowhere before it, the image's HOME included, stays as written); a
// value that refers to a `valueFrom` or `envFrom` variable is one the check does not know. These variables are the pod's: the webhook merges the env of the
// PodDefaults it applies, so a pair's file is read with the variables of both (FILE_SETTINGS), and of a third
// PodDefault the pod selects too: each pair is judged over the sets of such thirds some admitted pod of it selects
// exactly (identity-thirds.ts; up to MAX_THIRDS a pair, else with its own env). A pair the webhook refuses is left to the merge rules; two sources of one variable
// (two GOOGLE_APPLICATION_CREDENTIALS) are the webhook's (two `env` values) or env-source's (`env` and
// an `envFrom` source: the container gets the `env` one).
//
// Judged like the other pair rules (selection.ts): the credentials of each kind pair are entries of one
// index, so that the work grows with the credentials and the pairs found, not with their product; a pair
// is reported when some pod that selects both is admitted by the webhook (pair-admission.ts; with the labels they set, a
// pod label of another value is refused).
import { DEFAULT_HOME } from '../../access/home-directory';
import { botocoreCredentialsPath, BotocoreFileRole, BotocoreProfileProvider } from '../../sources/botocore-credentials-file';
import { foldPath, shownMountPath, shownName } from '../../names';
import { DataKeys, envFromSource } from '../data-keys';
import {
  AWS_SETTINGS, botocoreProfile, containerEnvOf, envNames, GCLOUD_SETTINGS, hasOutside, homeOf, NO_SETTINGS, pairSettings, referringNames, Setting,
  Settings, settingsOf,
} from '../identity-settings';
import { append, judgedIn, listOf, NO_PROBLEMS, PodDefaultFound, secretVolumeSources, SecretVolumeSource } from '../objects';
import { searchThirds, Thirds } from '../identity-thirds';
import { Admission, admittedLabels } from '../pair-admission';
import { MAX_PAIRS, pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { SecretFiles } from '../secret-files';
import { describeLabels, Entry, Meetings, rememberedAvoidingWays } from '../selection';
import { CheckProblem } from '../types';

/** The kinds of credential the rule tells apart. */
type Kind = 'aws-keys' | 'aws-web-identity' | 'aws-file' | 'aws-role-profile' | 'aws-profile' | 'aws-container' | 'azure-storage-key' | 'azure-storage-client-secret' | 'azure-client-secret' | 'azure-password' | 'azure-federated-token'
  | 'google-application-credentials' | 'google-gcloud-file';

/** What each kind is, for messages. */
const WHAT: Record<Kind, string> = {
  'aws-keys': 'AWS keys',
  'aws-web-identity': 'an AWS web identity',
  'aws-file': 'an AWS credentials file with keys for the profile botocore reads',
  'aws-role-profile': 'an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads',
  'aws-profile': 'an AWS config file with keys, or a credential_process, for the profile botocore reads',
  'aws-container': 'AWS container credentials (EKS Pod Identity)',
  'azure-storage-key': 'an Azure Storage account key, SAS token or connection string',
  'azure-storage-client-secret': 'an adlfs service principal\'s client secret',
  'azure-client-secret': 'an Azure client secret or certificate',
  'azure-password': 'an Azure user\'s password',
  'azure-federated-token': 'an Azure federated token (workload identity)',
  'google-application-credentials': 'GOOGLE_APPLICATION_CREDENTIALS',
  'google-gcloud-file': 'gcloud\'s application_default_credentials.json',
};

/** The variables that give each kind, wherever the pod gets them from (`env` or an `envFrom` source). */
const VARIABLES: Record<string, Kind> = {
  AWS_ACCESS_KEY_ID: 'aws-keys',
  AWS_WEB_IDENTITY_TOKEN_FILE: 'aws-web-identity',
  // botocore 1.43 credentials.py, ContainerProvider.load: either URI; the token file (or
  // AWS_CONTAINER_AUTHORIZATION_TOKEN) alone gives nothing, it only signs the request to the URI.
  AWS_CONTAINER_CREDENTIALS_FULL_URI: 'aws-container',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: 'aws-container',
  AZURE_STORAGE_ACCOUNT_KEY: 'azure-storage-key',
  AZURE_STORAGE_SAS_TOKEN: 'azure-storage-key',
  AZURE_STORAGE_CONNECTION_STRING: 'azure-storage-key',
  // adlfs 2026.8.0 spec.py: AZURE_STORAGE_CLIENT_ID, _SECRET and _TENANT_ID (not azure-identity's names) make a
  // ClientSecretCredential (facts: more-access.md 3.1).
  AZURE_STORAGE_CLIENT_SECRET: 'azure-storage-client-secret',
  AZURE_CLIENT_SECRET: 'azure-client-secret',
  AZURE_CLIENT_CERTIFICATE_PATH: 'azure-client-secret',
  // @azure/identity 4.13.0 EnvironmentCredential: with AZURE_USERNAME, a UsernamePasswordCredential.
  AZURE_PASSWORD: 'azure-password',
  AZURE_FEDERATED_TOKEN_FILE: 'azure-federated-token',
  GOOGLE_APPLICATION_CREDENTIALS: 'google-application-credentials',
};

/** The pairs of kinds one pod must not get, the one the SDK uses first, and why. */
const PAIRS: readonly { readonly cloud: string; readonly used: Kind; readonly unused: Kind; readonly why: string }[] = [
  { cloud: 'aws', used: 'aws-keys', unused: 'aws-web-identity', why: 'botocore\'s credential chain reads AWS_ACCESS_KEY_ID from the environment before it tries a web identity' },
  { cloud: 'aws', used: 'aws-web-identity', unused: 'aws-file', why: 'botocore\'s credential chain tries a web identity before the shared credentials file' },
  // botocore 1.43 create_credential_resolver: assume-role (a profile's role_arn) before the web identity, custom-process
  // and config-file after it (recorded in test/identity/sdk-reference.test.ts).
  { cloud: 'aws', used: 'aws-role-profile', unused: 'aws-web-identity', why: 'botocore\'s credential chain assumes a profile\'s role before it tries a web identity' },
  { cloud: 'aws', used: 'aws-web-identity', unused: 'aws-profile', why: 'botocore\'s credential chain tries a web identity before a credential_process or keys of the config file' },
  // botocore 1.43 create_credential_resolver: the container provider comes after the env, web identity and
  // shared credentials file ones (recorded in test/identity/sdk-reference.test.ts).
  { cloud: 'aws', used: 'aws-keys', unused: 'aws-container', why: 'botocore\'s credential chain reads AWS_ACCESS_KEY_ID from the environment before it asks the container credentials endpoint' },
  { cloud: 'aws', used: 'aws-web-identity', unused: 'aws-container', why: 'botocore\'s credential chain tries a web identity before the container credentials endpoint' },
  { cloud: 'aws', used: 'aws-file', unused: 'aws-container', why: 'botocore\'s credential chain reads the shared credentials file before the container credentials endpoint' },
  { cloud: 'aws', used: 'aws-role-profile', unused: 'aws-container', why: 'botocore\'s credential chain assumes a profile\'s role before it asks the container credentials endpoint' },
  { cloud: 'aws', used: 'aws-profile', unused: 'aws-container', why: 'botocore\'s credential chain runs a credential_process and reads the config file before the container credentials endpoint' },
  { cloud: 'azure', used: 'azure-storage-key', unused: 'azure-federated-token', why: 'adlfs uses a connection string, account key or SAS token before it asks DefaultAzureCredential, the only one that reads the federated token' },
  { cloud: 'azure', used: 'azure-storage-client-secret', unused: 'azure-federated-token', why: 'adlfs builds a ClientSecretCredential from AZURE_STORAGE_CLIENT_ID, AZURE_STORAGE_CLIENT_SECRET and AZURE_STORAGE_TENANT_ID before it asks DefaultAzureCredential, the only one that reads the federated token' },
  { cloud: 'azure', used: 'azure-client-secret', unused: 'azure-federated-token', why: 'DefaultAzureCredential tries EnvironmentCredential, which reads AZURE_CLIENT_SECRET, before WorkloadIdentityCredential' },
  { cloud: 'azure', used: 'azure-password', unused: 'azure-federated-token', why: 'DefaultAzureCredential tries EnvironmentCredential, which reads AZURE_USERNAME and AZURE_PASSWORD, before WorkloadIdentityCredential' },
  { cloud: 'google', used: 'google-application-credentials', unused: 'google-gcloud-file', why: 'Google\'s auth libraries read the file GOOGLE_APPLICATION_CREDENTIALS names before gcloud\'s application default credentials' },
];

/**
 * The AWS kinds in the order botocore's credential chain tries them (botocore 1.43 create_credential_resolver: env,
 * assume-role, assume-role-with-web-identity, sso, shared-credentials-file, login, custom-process, config-file, ...,
 * container-role; recorded in test/identity/sdk-reference.test.ts). A pod of two PodDefaults may get three or more of
 * them: the one botocore uses is the first, and a pair whose `used` kind comes after another the pod gets names the
 * wrong one (the pair of that first kind with the unused one is reported instead).
 */
const AWS_ORDER: readonly Kind[] = ['aws-keys', 'aws-role-profile', 'aws-web-identity', 'aws-file', 'aws-profile', 'aws-container'];
/** The kinds botocore tries before `kind` (none for a kind of another cloud). */
function awsBefore(kind: Kind): readonly Kind[] {
  const at = AWS_ORDER.indexOf(kind);
  return at < 0 ? [] : AWS_ORDER.slice(0, at);
}

/** One credential one PodDefault gives a pod. */
interface Credential {
  readonly pd: PodDefaultFound;
  readonly kind: Kind;
  /** How the PodDefault gives it, for messages: `env AWS_ACCESS_KEY_ID`, `X of the envFrom Secret s`, a file. */
  readonly how: string;
}

/**
 * The variables that tell the SDK where its credentials file is and which profile of it to read. The
 * webhook merges the env of every PodDefault it applies into the container, so the file one PodDefault
 * mounts is read as the pod's env says, which another PodDefault may set (identity-settings.ts reads them).
 */
const FILE_SETTINGS: Partial<Record<Kind, readonly string[]>> = {
  'aws-file': AWS_SETTINGS,
  'aws-role-profile': AWS_SETTINGS,
  'aws-profile': AWS_SETTINGS,
  'google-gcloud-file': GCLOUD_SETTINGS,
};

/** A credentials file kind a PodDefault may give: the files it mounts where the SDK may read them, judged with the pod's env. */
interface FileOffer {
  readonly pd: PodDefaultFound;
  readonly kind: Kind;
  readonly files: readonly OfferedFile[];
}

/** A file of a FileOffer; an AWS one with the file botocore may read it as, and the PodDefault that mounts it. */
interface OfferedFile extends MountedFile {
  readonly as?: BotocoreFileRole;
  readonly pd?: PodDefaultFound;
}

/**
 * The kind of credential each provider of an AWS profile gives, by the file that gives it; none for a profile's own
 * web identity or SSO, which come after the env's web identity in botocore's chain (recorded in
 * test/identity/sdk-reference.test.ts): beside it they are keyless too, or unused.
 */
function awsKind(provider: BotocoreProfileProvider | undefined): Kind | undefined {
  switch (provider) {
    case 'assume-role': return 'aws-role-profile';
    case 'shared-credentials-file': return 'aws-file';
    case 'custom-process': case 'config-file': return 'aws-profile';
    default: return undefined;
  }
}

/** What one PodDefault offers: a credential, or files that are one with the right env. */
type Offer = Credential | FileOffer;

const GCLOUD_FILE = 'application_default_credentials.json';

/** botocore's profile variables: an empty one makes it raise before it tries any credential (`botocoreProfile`). */
const PROFILE_SETTINGS: readonly string[] = ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE'];
const NO_THIRDS: readonly PodDefaultFound[] = Object.freeze([]);

/** The landing of PodDefaults of a namespace: their own. */
const NO_LANDINGS: readonly string[] = Object.freeze(['']);

/** A pair found, with its place in the report: the pair of kinds, and the places of the two PodDefaults in the group. */
interface Reported {
  /** The pair of kinds. */
  readonly kinds: number;
  /** The pair of kinds and the two places as one number, in the order of the report. */
  readonly id: number;
  readonly used: Credential;
  readonly unused: Credential;
  /** Where it was found. */
  readonly landing: string;
  /** The labels of a pod that shows it, when a third PodDefault has a say. @default - those of a pod of the pair the webhook admits */
  readonly labels?: () => Record<string, string>;
  /** For the first of many pairs of two PodDefaults counted rather than listed: how many, and every PodDefault of them. */
  readonly counted?: { readonly count: number; readonly parties: readonly PodDefaultFound[] };
}

/**
 * Pairs of PodDefaults one pod can select that give it two credentials for one cloud of which the SDK
 * silently uses one, as `PAIRS` lists them; one PodDefault that gives both is reported alone. In the
 * order of `PAIRS`, then of the PodDefault that gives the credential used, then of the other.
 * `landings`, for the namespace-less PodDefaults among themselves: the namespaces `kubectl apply -n` may
 * put them in, whose Secrets and ConfigMaps they then read (`''` for the namespace-less objects alone);
 * each pair is reported once, as the first landing that shows it words it.
 */
export function cloudIdentities(group: readonly PodDefaultFound[], namespace: string, keys: DataKeys, files: SecretFiles,
  meetings: Meetings = new Meetings(group, namespace), landings: readonly string[] = NO_LANDINGS): readonly CheckProblem[] {
  const reported = new Map<number, Reported>();
  const admission = new Admission(namespace);
  for (const landing of landings) {
    const [k, f] = landing === '' ? [keys, files] : [keys.landingIn(landing), files.landingIn(landing)];
    if (givesKeyless(group, namespace, k)) { judgeCredentials(group, namespace, landing, k, f, meetings, admission, reported, landings.length === 1); }
  }
  if (reported.size === 0) { return NO_PROBLEMS; }
  const sorted = [...reported.values()].sort((x, y) => x.id - y.id);
  // The labels of a pod that selects both and that the webhook admits, for the pairs worded only.
  const describeOne = (r: Reported) => describe(PAIRS[r.kinds], r.used, r.unused, namespace, r.landing,
    r.labels?.() ?? admittedLabels(r.used.pd === r.unused.pd ? [r.used.pd] : [r.used.pd, r.unused.pd], namespace)!);
  // The pairs of two PodDefaults by the pair of kinds and the landing that shows them; those of one that
  // gives both kinds are reported on their own, at most once each.
  const byKinds = PAIRS.map(() => new Map<string, Reported[]>());
  for (const r of sorted) {
    if (r.used.pd === r.unused.pd || r.counted !== undefined) { continue; }
    const list = byKinds[r.kinds].get(r.landing);
    if (list === undefined) { byKinds[r.kinds].set(r.landing, [r]); } else { list.push(r); }
  }
  const problems: CheckProblem[] = [];
  for (const r of sorted) {
    const pair = PAIRS[r.kinds];
    const what = `give ${WHAT[pair.used]} beside ${WHAT[pair.unused]} ${judgedIn(namespace, r.landing)}`;
    if (r.counted !== undefined) {
      append(problems, pairProblems({ pairs: [], counted: { ...r.counted, first: r }, parties: p => [p.used.pd, p.unused.pd], describe: describeOne, what }));
      continue;
    }
    const pairs = r.used.pd === r.unused.pd ? undefined : byKinds[r.kinds].get(r.landing)!;
    if (pairs === undefined || pairs.length <= MAX_PAIRS) {
      problems.push(describeOne(r));
    } else if (pairs[0] === r) {
      append(problems, pairProblems({ pairs, parties: p => [p.used.pd, p.unused.pd], describe: describeOne, what }));
    }
  }
  return problems;
}

/** `cloudIdentities` with the objects `keys` and `files` show, adding to `reported` the pairs it does not hold yet. */
function judgeCredentials(group: readonly PodDefaultFound[], namespace: string, landing: string, keys: DataKeys, files: SecretFiles, meetings: Meetings,
  admission: Admission, reported: Map<number, Reported>, alone: boolean): void {
  const settings = new Map<PodDefaultFound, Settings>();
  for (const pd of group) {
    const own = settingsOf(pd, namespace, keys);
    if (own.size > 0) { settings.set(pd, own); }
  }
  // Which PodDefaults' settings may expand otherwise beside another's env: one that refers to a variable from
  // outside its env, or whose env entry that refers to one another PodDefault of the group sets too.
  const referring = new Map<PodDefaultFound, ReadonlySet<string>>();
  const names = new Map<PodDefaultFound, ReadonlySet<string>>();
  const setBy = new Map<string, number>();
  for (const pd of group) {
    const own = envNames(pd);
    names.set(pd, own);
    own.forEach(name => setBy.set(name, (setBy.get(name) ?? 0) + 1));
    if (settings.has(pd)) { referring.set(pd, referringNames(pd)); }
  }
  const pairDependent = new Set<PodDefaultFound>();
  settings.forEach((own, pd) => {
    if (hasOutside(own) || [...referring.get(pd)!].some(name => setBy.get(name)! > 1)) { pairDependent.add(pd); }
  });
  /** Whether `a`'s settings may expand otherwise in a pod of `b`'s env too. */
  const dependsOn = (a: PodDefaultFound, b: PodDefaultFound) => pairDependent.has(a)
    && (hasOutside(settings.get(a)) || [...referring.get(a)!].some(name => names.get(b)!.has(name)));
  const named = namedFiles(settings, (pd, name) => pairDependent.has(pd) && referring.get(pd)!.has(name));
  /** The files of each PodDefault botocore may read; whether one has a role profile, which a file of another PodDefault may source. */
  const awsFiles = new Map<PodDefaultFound, readonly OfferedFile[]>();
  let roles = false;
  for (const pd of group) {
    const aws = awsFilesOf(pd, namespace, keys, files, named);
    if (aws.length > 0) { awsFiles.set(pd, aws); }
    roles ||= aws.some(f => files.awsFile(namespace, f.secret, f.key, f.as!)!.hasRole);
  }
  const found: Offer[] = [];
  /** Each PodDefault's place in the group: its credentials are listed in that order. */
  const place = new Map<PodDefaultFound, number>();
  /** Each PodDefault's offers by kind (an index of `found`). */
  const offered = new Map<PodDefaultFound, Map<Kind, number>>();
  for (const pd of group) {
    place.set(pd, place.size);
    const own = new Map<Kind, number>();
    for (const offer of offersOf(pd, namespace, keys, files, named, awsFiles.get(pd) ?? [], roles)) {
      own.set(offer.kind, found.length);
      found.push(offer);
    }
    offered.set(pd, own);
  }
  /** Each offer as the credential it is in a pod of its PodDefault's env alone; undefined when none. */
  const byItself = new Map<number, Credential | undefined>();
  const credentialAlone = (i: number) => {
    if (!byItself.has(i)) { byItself.set(i, credentialOf(found[i], settings.get(found[i].pd) ?? NO_SETTINGS, namespace, files)); }
    return byItself.get(i);
  };
  /** The pairs' settings that expand otherwise together, expanded once a pair. */
  const expandedPairs = new Map<PodDefaultFound, Map<PodDefaultFound, Settings>>();
  /**
   * The settings of a pod that selects `a` and `b` (`undefined`: those of `a` alone, when `b` changes none): `b`'s
   * join `a`'s, and expanded with the pair's merged env when either's may expand otherwise beside the other's env
   * (`dependsOn`); a value whose references its own env sets before it keeps its expansion alone.
   */
  const settingsBeside = (a: PodDefaultFound, b: PodDefaultFound): Settings | undefined => {
    const own = settings.get(a) ?? NO_SETTINGS;
    const other = a === b ? undefined : settings.get(b);
    if (a === b || (!dependsOn(a, b) && !dependsOn(b, a))) { return other === undefined ? undefined : pairSettings(own, other); }
    let byPartner = expandedPairs.get(a);
    if (byPartner === undefined) { expandedPairs.set(a, byPartner = new Map()); }
    let pair = byPartner.get(b);
    if (pair === undefined) { byPartner.set(b, pair = pairSettings(own, other ?? NO_SETTINGS, containerEnvOf([a, b], namespace, keys))); }
    return pair;
  };
  /**
   * The settings of a pod that selects `a`, `b` and the `thirds` (identity-thirds.ts), `a`'s first: each one's join
   * the others' (two `env` values of one name the webhook refuses, so the first is the one), expanded with the env they
   * merge into when one of them refers to a variable. Without thirds, `settingsBeside`.
   */
  const settingsWith = (a: PodDefaultFound, b: PodDefaultFound, thirds: readonly PodDefaultFound[]): Settings | undefined => {
    if (thirds.length === 0) { return settingsBeside(a, b); }
    const members = [...new Set([a, b, ...thirds])];
    let merged = settings.get(a) ?? NO_SETTINGS;
    for (let i = 1; i < members.length; i++) { merged = pairSettings(merged, settings.get(members[i]) ?? NO_SETTINGS); }
    return members.some(pd => referringNames(pd).size > 0) ? pairSettings(merged, NO_SETTINGS, containerEnvOf(members, namespace, keys)) : merged;
  };
  /** Whether botocore raises ProfileNotFound in a pod that selects `a`, `b` and `thirds` (see `botocoreProfile`), before it tries any credential. */
  const botocoreRaises = (a: PodDefaultFound, b: PodDefaultFound, thirds: readonly PodDefaultFound[]) =>
    botocoreProfile(settingsWith(a, b, thirds) ?? settings.get(a) ?? NO_SETTINGS)?.profile === '';
  /**
   * The offer `i` as a credential in a pod that also selects `partner` and `thirds`, whose env joins its own (expanded
   * with theirs, see `settingsWith`), and whose AWS files botocore reads with its own (a third's files are none of the pair's).
   */
  const credentialBeside = (i: number, partner: PodDefaultFound, thirds: readonly PodDefaultFound[] = NO_THIRDS) => {
    if (!isFileOffer(found[i])) { return credentialAlone(i); }
    const beside = settingsWith(found[i].pd, partner, thirds);
    const partnerFiles = partner === found[i].pd || found[i].kind === 'google-gcloud-file' ? undefined : awsFiles.get(partner);
    return beside === undefined && partnerFiles === undefined ? credentialAlone(i)
      : credentialOf(found[i], beside ?? settings.get(found[i].pd) ?? NO_SETTINGS, namespace, files, partnerFiles);
  };
  /**
   * Whether a pod that selects `a`, `b` and `thirds` gets an AWS credential of one of `kinds` (from `a` or `b`; a file's
   * read with the pod's env and the pair's files): botocore then uses it before the pair's `used` one.
   */
  const getsAny = (kinds: readonly Kind[], a: PodDefaultFound, b: PodDefaultFound, thirds: readonly PodDefaultFound[]) => kinds.some(kind =>
    [[a, b], [b, a]].some(([pd, partner]) => {
      const i = offered.get(pd)!.get(kind);
      return i !== undefined && credentialBeside(i, partner, thirds) !== undefined;
    }));
  // Whether some AWS profile variable is, or may expand to, empty: only then may a third's change a pair of env credentials.
  let profileMayBeEmpty = false;
  settings.forEach((own, pd) => PROFILE_SETTINGS.forEach(name => {
    const setting = own.get(name);
    profileMayBeEmpty ||= setting?.value === '' || (setting?.fromEnv === true && referringNames(pd).has(name));
  }));
  /** The PodDefaults that set each list of variables (by its text), a pair's thirds among them (identity-thirds.ts). */
  const thirdsReading = new Map<string, Thirds>();
  /** The ways a pod avoids each third, worked out once for the group's pairs. */
  const avoidingOf = rememberedAvoidingWays();
  const settersOf = (read: readonly string[]) => {
    let found = thirdsReading.get(read.join());
    if (found === undefined) { thirdsReading.set(read.join(), found = new Thirds(group, settings, read)); }
    return found;
  };
  PAIRS.forEach((pair, p) => {
    const before = awsBefore(pair.used);
    // A PodDefault that gives AWS keys or a web identity botocore tries before the pair's `used` kind (in its env, whatever
    // its partner) has no pair of these kinds: the pair of that kind with the unused one is reported instead.
    const beforeInEnv = before.filter(kind => FILE_SETTINGS[kind] === undefined);
    const outranked = (pd: PodDefaultFound) => beforeInEnv.some(kind => offered.get(pd)!.has(kind));
    // A file of a PodDefault that gives one of the pair's kinds may give a kind botocore tries before the `used` one, which
    // then depends on the pair (a pod's credentials are its two PodDefaults' own: a file of a third is none of the pair's).
    const givesPairKind = (pd: PodDefaultFound) => offered.get(pd)!.has(pair.used) || offered.get(pd)!.has(pair.unused);
    const fileBefore = before.some(kind => FILE_SETTINGS[kind] !== undefined && found.some(o => o.kind === kind && givesPairKind(o.pd)));
    const fileKind = FILE_SETTINGS[pair.used] !== undefined ? pair.used : FILE_SETTINGS[pair.unused] !== undefined ? pair.unused : undefined;
    // The variables that decide the pair's credentials in a pod: a third PodDefault the pod selects may set them.
    const thirds = settersOf(fileKind !== undefined ? FILE_SETTINGS[fileKind]! : pair.cloud !== 'aws' ? []
      : fileBefore ? AWS_SETTINGS : profileMayBeEmpty ? PROFILE_SETTINGS : []);
    // Whether a pair of these kinds may have a third that changes its verdict (one that sets what neither sets alike).
    const followThirds = thirds.searched && thirds.mayChange([pair.used, pair.unused].map(kind => found.filter(o => o.kind === kind).map(o => o.pd)));
    // Whether a PodDefault of the other kind sets a variable that says where or which file the SDK reads: the
    // files then count pair by pair; otherwise each counts as its own PodDefault's env says.
    const open = (fileKind !== undefined && found.some(o => o.kind !== fileKind && (o.kind === pair.used || o.kind === pair.unused)
      && FILE_SETTINGS[fileKind]!.some(n => settings.get(o.pd)?.has(n))))
      // A value that refers to a variable, which the other PodDefault may set.
      || found.some(o => (o.kind === pair.used || o.kind === pair.unused) && pairDependent.has(o.pd))
      // An empty profile name makes botocore raise, whichever credential it finds; another PodDefault's AWS_DEFAULT_PROFILE may hide it.
      || (pair.cloud === 'aws' && found.some(o => (o.kind === pair.used || o.kind === pair.unused) && botocoreProfile(settings.get(o.pd) ?? NO_SETTINGS)?.profile === ''))
      // A role profile may be sourced from the other PodDefault's file, and shadow a file's keys there: pairs of a file's
      // kind only (AWS keys, web identities and container credentials in the env are each one whatever files the pod holds).
      || (fileKind !== undefined && pair.cloud === 'aws' && roles)
      // A third PodDefault may set one of them in some pods of a pair: the pairs are judged one by one.
      || followThirds;
    // Each credential of the pair's kinds, its class its kind: two of one kind never make a pair.
    const entries: Entry<number>[] = [];
    for (let i = 0; i < found.length; i++) {
      if (found[i].kind !== pair.used && found[i].kind !== pair.unused) { continue; }
      if (outranked(found[i].pd)) { continue; }
      if (found[i].kind === fileKind && !open && credentialAlone(i) === undefined) { continue; }
      entries.push({ pd: found[i].pd, klass: found[i].kind, item: i });
    }
    if (!entries.some(e => e.klass === pair.used) || !entries.some(e => e.klass === pair.unused)) { return; }
    const judge = (a: Entry<number>, b: Entry<number>) => {
      const [u, v] = a.klass === pair.used ? [a.item, b.item] : [b.item, a.item];
      // A PodDefault gives each kind once, so the pair of kinds and the two PodDefaults name the credentials.
      const id = (p * group.length + place.get(found[u].pd)!) * group.length + place.get(found[v].pd)!;
      if (reported.has(id)) { return; }
      // The thirds a pod of the pair may select: judged over each set of them some admitted pod selects exactly.
      const withThirds = followThirds ? thirds.of(found[u].pd, found[v].pd) : undefined;
      if (withThirds !== undefined && withThirds.length > 0) {
        judgeWithThirds(u, v, id, withThirds);
        return;
      }
      if (pair.cloud === 'aws' && botocoreRaises(found[u].pd, found[v].pd, NO_THIRDS)) { return; }
      const used = credentialBeside(u, found[v].pd);
      const unused = used === undefined ? undefined : credentialBeside(v, found[u].pd);
      // botocore uses a file's credential of a kind it tries first (a role profile beside a web identity and container
      // credentials): that pair is the one reported. The pair judged is a pair of that kind too, so the work stays that of the pairs found.
      if (used === undefined || unused === undefined || (fileBefore && getsAny(before, found[u].pd, found[v].pd, NO_THIRDS))) { return; }
      if (admission.admits(used.pd, unused.pd)) { reported.set(id, { kinds: p, id, used, unused, landing }); }
    };
    /** `judge` of the offers `u` (of the kind used) and `v`, over the sets of `withThirds` some admitted pod of the pair selects exactly. */
    const judgeWithThirds = (u: number, v: number, id: number, withThirds: readonly PodDefaultFound[]) => {
      const [pu, pv] = [found[u].pd, found[v].pd];
      if (!admission.admits(pu, pv)) { return; }
      /** The credentials of the pair in a pod that also selects `with_`, when botocore (or the other SDK) silently uses `used`; as `judge`. */
      const verdict = (with_: readonly PodDefaultFound[]) => {
        if (pair.cloud === 'aws' && botocoreRaises(pu, pv, with_)) { return undefined; }
        const used = credentialBeside(u, pv, with_);
        const unused = used === undefined ? undefined : credentialBeside(v, pu, with_);
        return used === undefined || unused === undefined || (fileBefore && getsAny(before, pu, pv, with_)) ? undefined : { used, unused };
      };
      const seen = searchThirds(pu === pv ? [pu] : [pu, pv], withThirds, (x, y) => admission.admits(x, y), verdict, avoidingOf);
      if (seen !== undefined) { reported.set(id, { kinds: p, id, used: seen.result.used, unused: seen.result.unused, landing, labels: seen.labels }); }
    };
    // A PodDefault's credentials are listed together: one that gives both kinds has them side by side.
    for (let e = 1; e < entries.length; e++) {
      const pd = entries[e].pd;
      // A namespace-less PodDefault alone is judged once, among the namespace-less ones.
      if (entries[e - 1].pd === pd && !(namespace !== '' && pd.floating)) { judge(entries[e - 1], entries[e]); }
    }
    if (!meetings.mayClash(entries)) { return; }
    let rest = entries;
    if (fileBefore) {
      // The pairs of a PodDefault whose file may give a kind botocore tries first are judged one by one (each one skipped
      // beside a found pair of that kind); the others as any pair, counted when many.
      const givesBefore = (pd: PodDefaultFound) => before.some(kind => FILE_SETTINGS[kind] !== undefined && offered.get(pd)!.has(kind));
      const filed = entries.filter(e => givesBefore(e.pd));
      for (const [a, b] of [...meetings.pairs(filed, { earlier: entries }), ...meetings.pairs(entries, { earlier: filed })]) {
        if (a.pd.name !== b.pd.name) { judge(a, b); }
      }
      rest = entries.filter(e => !givesBefore(e.pd));
      if (!rest.some(e => e.klass === pair.used) || !rest.some(e => e.klass === pair.unused)) { return; }
    }
    // Many pairs, all of which the webhook admits, of PodDefaults of names of their own that give one of the
    // kinds each: counted, in the one landing (each pair once across landings needs them listed), when each
    // credential is one whatever PodDefault it meets.
    const { counted, listed } = alone && !open ? meetings.summary(rest, MAX_PAIRS, { distinctNames: true, order: { klass: pair.used } }) : {};
    // Many pairs reported as one: by the first of them, the credential used and the one left.
    const reportCounted = (tally: { readonly count: number; readonly parties: readonly PodDefaultFound[] }, [a, b]: readonly [Entry<number>, Entry<number>]) => {
      const [u, v] = a.klass === pair.used ? [a.item, b.item] : [b.item, a.item];
      const [used, unused] = [credentialAlone(u)!, credentialAlone(v)!];
      const id = (p * group.length + place.get(used.pd)!) * group.length + place.get(unused.pd)!;
      reported.set(id, { kinds: p, id, used, unused, landing, counted: tally });
    };
    if (counted !== undefined && admission.admitsAll(rest.map(e => e.pd), rest.map(e => e.klass === pair.used))) {
      reportCounted(counted, counted.first);
      return;
    }
    // Many pairs, some of which the webhook refuses: those it admits, through the pair index.
    if (counted !== undefined && admittedPairs(rest, group, namespace, admission, pair.used, reportCounted, judge)) { return; }
    for (const [a, b] of meetings.pairs(rest, { listed })) {
      // One name twice is the duplicate rule's.
      if (a.pd.name !== b.pd.name) { judge(a, b); }
    }
  });
}

/**
 * Of many pairs of `entries` some of which the webhook refuses (a key both define differently): those it admits, found
 * by the pair index with each PodDefault's keyed classes as labels its selector asks for (`Admission.asSelectors`),
 * counted (`count`, with the first pair) when many, else each judged (`judge`). Listing every pair to judge each took
 * 15.5 s and 2.2 GB for 5,000 Azure web identities beside 5,000 client secrets, each of an AZURE_CLIENT_ID of its own,
 * for no pair admitted. Whether it did: not when some PodDefault is not plain, whose pairs a merge each judges.
 */
function admittedPairs(entries: readonly Entry<number>[], group: readonly PodDefaultFound[], namespace: string, admission: Admission, used: Kind,
  count: (tally: { readonly count: number; readonly parties: readonly PodDefaultFound[] }, first: readonly [Entry<number>, Entry<number>]) => void,
  judge: (a: Entry<number>, b: Entry<number>) => void): boolean {
  const selecting = admission.asSelectors(entries.map(e => e.pd));
  if (selecting === undefined) { return false; }
  const original = new Map<PodDefaultFound, PodDefaultFound>();
  selecting.forEach((as, pd) => original.set(as, pd));
  const byEntry = new Map<Entry<number>, Entry<number>>();
  const admitted: Entry<number>[] = [];
  for (const e of entries) {
    const as = selecting.get(e.pd);
    if (as === undefined) { continue; }
    const entry = { ...e, pd: as };
    byEntry.set(entry, e);
    admitted.push(entry);
  }
  const meetings = new Meetings(group.map(pd => selecting.get(pd) ?? pd), namespace);
  const { counted, listed } = meetings.summary(admitted, MAX_PAIRS, { distinctNames: true, order: { klass: used } });
  if (counted !== undefined) {
    count({ count: counted.count, parties: counted.parties.map(pd => original.get(pd)!) }, [byEntry.get(counted.first[0])!, byEntry.get(counted.first[1])!]);
    return true;
  }
  for (const [a, b] of meetings.pairs(admitted, { listed })) {
    if (a.pd.name !== b.pd.name) { judge(byEntry.get(a)!, byEntry.get(b)!); }
  }
  return true;
}

function describe(pair: typeof PAIRS[number], used: Credential, unused: Credential, namespace: string, landing: string,
  labels: Record<string, string>): CheckProblem {
  const where = judgedIn(namespace, landing);
  if (used.pd === unused.pd) {
    return checkProblem({
      rule: 'cloud-identity',
      namespace,
      sources: [used.pd.source],
      key: pair.cloud,
      message: `poddefault ${shownName(used.pd.name, 'name')} (${used.pd.source}) ${where} gives ${WHAT[pair.used]} (${used.how}) and ${WHAT[pair.unused]} (${unused.how}): `
        + `a notebook that selects it (${describeLabels(labels)}) silently uses ${WHAT[pair.used]}, since ${pair.why}`,
      fix: 'keep one of the two',
    });
  }
  return checkProblem({
    rule: 'cloud-identity',
    namespace,
    sources: [used.pd.source, unused.pd.source],
    key: pair.cloud,
    message: `poddefault ${shownName(used.pd.name, 'name')} (${used.pd.source}) gives ${WHAT[pair.used]} (${used.how}) and poddefault ${shownName(unused.pd.name, 'name')} (${unused.pd.source}) `
      + `gives ${WHAT[pair.unused]} (${unused.how}) ${where}: a notebook that selects both (${describeLabels(labels)}) `
      + `silently uses ${WHAT[pair.used]} of ${shownName(used.pd.name, 'name')}, since ${pair.why}`,
    fix: 'keep one of the two, or offer them as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)',
  });
}

/** The kinds every pair has on one side: a group with none of them has no pair. */
const PAIRED = new Set<Kind>(['aws-web-identity', 'aws-container', 'azure-federated-token', 'google-application-credentials']);

/**
 * Whether a PodDefault of the group gives a web identity, container credentials, a federated token or
 * GOOGLE_APPLICATION_CREDENTIALS, in `env` or an `envFrom` source: most namespaces give none, and
 * finding the other credentials costs more.
 */
function givesKeyless(group: readonly PodDefaultFound[], namespace: string, keys: DataKeys): boolean {
  let envFrom = false;
  for (const pd of group) {
    const env = listOf(pd.manifest.spec?.env);
    for (let i = 0; i < env.length; i++) {
      if (PAIRED.has(VARIABLES[env[i]?.name])) { return true; }
    }
    envFrom = envFrom || listOf(pd.manifest.spec?.envFrom).length > 0;
  }
  if (!envFrom) { return false; }
  for (const pd of group) {
    for (const from of listOf(pd.manifest.spec?.envFrom)) {
      const known = keys.ofEnvFrom(from, namespace);
      const prefix = typeof from?.prefix === 'string' ? from.prefix : '';
      if (known?.some(key => PAIRED.has(VARIABLES[prefix + key]))) { return true; }
    }
  }
  return false;
}

/**
 * The credentials one PodDefault gives, each kind once, and the credentials files it mounts where an SDK
 * may read them: botocore's files (`aws`, see `awsFilesOf`), gcloud's file in `.config/gcloud`, or where a
 * variable of `named` (of any PodDefault of the group) puts it. An AWS file offers the kinds its profiles give
 * alone, and, when `roles` (some AWS file of the group has a role profile), a role it may give read with a file of
 * the other PodDefault of a pair (botocore merges the profiles of both files): `credentialOf` judges each pair.
 */
function offersOf(pd: PodDefaultFound, namespace: string, keys: DataKeys, files: SecretFiles, named: NamedFiles, aws: readonly OfferedFile[], roles: boolean): Offer[] {
  const found = new Map<Kind, Offer>();
  const add = (c: Offer) => { if (!found.has(c.kind)) { found.set(c.kind, c); } };
  const spec = pd.manifest.spec ?? {};
  const env = listOf(spec.env);
  const inEnv = new Set<string>();
  for (const entry of env) {
    const name = entry?.name;
    if (typeof name !== 'string') { continue; }
    inEnv.add(name);
    if (Object.prototype.hasOwnProperty.call(VARIABLES, name)) { add({ pd, kind: VARIABLES[name], how: `env ${name}` }); }
  }
  for (const from of listOf(spec.envFrom)) {
    const known = keys.ofEnvFrom(from, namespace);
    if (known === undefined) { continue; }
    const source = envFromSource(from)!;
    const prefix = typeof from.prefix === 'string' ? from.prefix : '';
    for (const key of known) {
      const name = prefix + key;
      // An env entry of the same name overrides the envFrom one in the container.
      if (Object.prototype.hasOwnProperty.call(VARIABLES, name) && !inEnv.has(name)) {
        add({ pd, kind: VARIABLES[name], how: `${name} of the envFrom ${source.kind} ${shownName(source.name, 'name')}` });
      }
    }
  }
  // Each kind the profiles of a file give alone: which profile botocore reads, and the other file, are known pair by pair.
  const awsKinds = new Set<Kind>();
  for (const file of aws) {
    const read = files.awsFile(namespace, file.secret, file.key, file.as!)!;
    files.awsProviders(file.as === 'credentials' ? read : undefined, file.as === 'config' ? read : undefined).forEach(c => {
      const kind = awsKind(c.provider);
      if (kind !== undefined) { awsKinds.add(kind); }
    });
  }
  if (roles && aws.length > 0) { awsKinds.add('aws-role-profile'); }
  awsKinds.forEach(kind => add({ pd, kind, files: aws }));
  const gcloud = mountedSecretFiles(pd, namespace, keys).filter(file => {
    const folded = foldPath(file.path);
    return folded.endsWith(`/.config/gcloud/${GCLOUD_FILE}`) || isNamed(named.gcloud, folded);
  });
  if (gcloud.length > 0) { add({ pd, kind: 'google-gcloud-file', files: gcloud }); }
  return [...found.values()];
}

/**
 * The files a PodDefault mounts where botocore may read them, each with the file it is read as: `credentials` in a
 * `.aws` directory or where some PodDefault's AWS_SHARED_CREDENTIALS_FILE names, `config` in a `.aws` directory or
 * where some AWS_CONFIG_FILE names; a file of a Secret the input does not hold is none.
 */
function awsFilesOf(pd: PodDefaultFound, namespace: string, keys: DataKeys, files: SecretFiles, named: NamedFiles): OfferedFile[] {
  const aws: OfferedFile[] = [];
  for (const file of mountedSecretFiles(pd, namespace, keys)) {
    const folded = foldPath(file.path);
    const as: BotocoreFileRole[] = [];
    if (folded.endsWith('/.aws/credentials') || isNamed(named.aws, folded)) { as.push('credentials'); }
    if (folded.endsWith('/.aws/config') || isNamed(named.awsConfig, folded)) { as.push('config'); }
    for (const read of as) {
      if (files.awsFile(namespace, file.secret, file.key, read) !== undefined) { aws.push({ ...file, as: read, pd }); }
    }
  }
  return aws;
}

function isFileOffer(offer: Offer): offer is FileOffer {
  return (offer as FileOffer).files !== undefined;
}

/**
 * The files (folded) some PodDefault's AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE or CLOUDSDK_CONFIG names; or
 * any file, when one of them (or HOME) may expand otherwise beside another PodDefault (`mayExpandOtherwise`: it
 * refers to a variable the other PodDefault of a pair may set).
 */
interface NamedFiles {
  readonly aws: ReadonlySet<string> | 'any';
  readonly awsConfig: ReadonlySet<string> | 'any';
  readonly gcloud: ReadonlySet<string> | 'any';
}

function isNamed(named: ReadonlySet<string> | 'any', folded: string): boolean {
  return named === 'any' || named.has(folded);
}

function namedFiles(settings: ReadonlyMap<PodDefaultFound, Settings>, mayExpandOtherwise: (pd: PodDefaultFound, name: string) => boolean): NamedFiles {
  const aws = new Set<string>();
  const awsConfig = new Set<string>();
  const gcloud = new Set<string>();
  // `~` and `$HOME` as any pair may read them: the image's HOME, or one a PodDefault sets.
  const homes = new Set([DEFAULT_HOME]);
  settings.forEach(own => {
    const home = own.get('HOME')?.value;
    if (home !== undefined) { homes.add(home); }
  });
  settings.forEach(own => {
    for (const [variable, into] of [['AWS_SHARED_CREDENTIALS_FILE', aws], ['AWS_CONFIG_FILE', awsConfig]] as const) {
      const named = own.get(variable)?.value;
      for (const home of named === undefined || named === '' ? [] : homes) {
        const path = botocoreCredentialsPath(named!, home);
        if (path !== undefined) { into.add(foldPath(path)); }
      }
    }
    const config = own.get('CLOUDSDK_CONFIG')?.value;
    if (config !== undefined && config !== '') { gcloud.add(foldPath(`${config}/${GCLOUD_FILE}`)); }
  });
  const refers = (...names: string[]) => [...settings.keys()].some(pd => names.some(n => mayExpandOtherwise(pd, n)));
  return {
    aws: refers('AWS_SHARED_CREDENTIALS_FILE', 'HOME') ? 'any' : aws,
    awsConfig: refers('AWS_CONFIG_FILE', 'HOME') ? 'any' : awsConfig,
    gcloud: refers('CLOUDSDK_CONFIG') ? 'any' : gcloud,
  };
}

/**
 * An offer as the credential it is in a container of env `settings`: a file counts when the SDK reads it
 * and it holds credentials for the profile read; undefined when none does, or when a variable that decides
 * it is one whose value the check does not know. An AWS file is read with the other AWS file the pod holds,
 * its own or one of `partnerFiles` (the other PodDefault's). A variable is named, never its value, with its
 * PodDefault when another one sets it.
 */
function credentialOf(offer: Offer, settings: Settings, namespace: string, files: SecretFiles, partnerFiles: readonly OfferedFile[] = []): Credential | undefined {
  if (!isFileOffer(offer)) { return offer; }
  const variable = (name: string, setting: Setting) => (setting.pd === offer.pd ? name : `${name} of poddefault ${shownName(setting.pd.name, 'name')}`);
  if (offer.kind !== 'google-gcloud-file') {
    const read = botocoreProfile(settings);
    if (read === undefined || read.profile === '') { return undefined; }
    const which = read.setting === undefined ? 'its [default] profile' : `the profile ${variable(read.variable!, read.setting)} names`;
    const where = (file: OfferedFile) => {
      const named = settings.get(file.as === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE');
      return named === undefined || named.pd === offer.pd ? '' : `, which ${variable(file.as === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE', named)} names`;
    };
    // A file of the other PodDefault of the pair (a role's other half) is named with it.
    const fileText = (file: OfferedFile) => `the file ${shownMountPath(file.path)} from Secret ${shownName(file.secret, 'name')}${file.pd === offer.pd ? '' : ` that poddefault ${shownName(file.pd!.name, 'name')} mounts`}${where(file)}`;
    for (const pair of podBotocoreFileRoles(partnerFiles.length === 0 ? offer.files : [...offer.files, ...partnerFiles], settings)) {
      const [credentials, config] = [pair.credentials, pair.config].map(f => (f === undefined ? undefined : files.awsFile(namespace, f.secret, f.key, f.as!)));
      const found = files.awsProviders(credentials, config).get(read.profile);
      if (found === undefined || awsKind(found.provider) !== offer.kind) { continue; }
      const decides = pair[found.from]!;
      const other = found.from === 'credentials' ? pair.config : pair.credentials;
      // The file whose option decides, read alone: when it gives another kind, the other file's profiles are needed (a role's source).
      const alone = files.awsProviders(found.from === 'credentials' ? credentials : undefined, found.from === 'config' ? config : undefined).get(read.profile);
      const needsOther = other !== undefined && awsKind(alone?.provider) !== offer.kind;
      // The offer's PodDefault gives the credential when a file it mounts decides it or is needed for it.
      if (decides.pd !== offer.pd && !(needsOther && other.pd === offer.pd)) { continue; }
      const also = needsOther ? `, read with the profiles of ${fileText(other)}` : '';
      return { pd: offer.pd, kind: offer.kind, how: `${fileText(decides)}${also}, ${which}` };
    }
    return undefined;
  }
  // google-auth-library (Node, 10.5.0 googleauth.js _tryGetApplicationCredentialsFromWellKnownFile) reads
  // ~/.config/gcloud whatever CLOUDSDK_CONFIG says; google-auth (Python, _cloud_sdk.py get_config_path) reads
  // the directory CLOUDSDK_CONFIG names instead, when set.
  const config = settings.get('CLOUDSDK_CONFIG');
  // ~/.config/gcloud with the HOME a PodDefault of the pod sets, when the check knows its value; else in any home.
  const setHome = settings.get('HOME')?.value;
  const atHome = setHome === undefined ? undefined : foldPath(`${setHome}/.config/gcloud/${GCLOUD_FILE}`);
  for (const file of offer.files) {
    const folded = foldPath(file.path);
    if (folded.endsWith(`/.config/gcloud/${GCLOUD_FILE}`) && (atHome === undefined || atHome === folded)) { return { pd: offer.pd, kind: offer.kind, how: `the file ${shownMountPath(file.path)} from Secret ${shownName(file.secret, 'name')}` }; }
    if (config?.value !== undefined && config.value !== '' && foldPath(`${config.value}/${GCLOUD_FILE}`) === folded) {
      return { pd: offer.pd, kind: offer.kind, how: `the file ${shownMountPath(file.path)} from Secret ${shownName(file.secret, 'name')}, in the directory ${variable('CLOUDSDK_CONFIG', config)} names` };
    }
  }
  return undefined;
}

/**
 * The credentials file and config file botocore may read together in a pod of env `settings` from `files`
 * (botocore 1.43 configprovider.py `credentials_file`: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials;
 * `config_file`: AWS_CONFIG_FILE, else ~/.aws/config). A file a variable names is the one at its path (none when
 * the check does not know its value); else it is in the `.aws` directory of the container's HOME: of the HOME a
 * PodDefault of the pod sets, when the check knows its value (botocore expands `~` with it: a file mounted in
 * `/home/jovyan/.aws/` beside `HOME=/home/other` is never read), else of any HOME, as the image's is not known: the
 * files are then paired by their directory. Each pair holds one file at least.
 */
function podBotocoreFileRoles(files: readonly OfferedFile[], settings: Settings): { readonly credentials?: OfferedFile; readonly config?: OfferedFile }[] {
  const NAMED = '';
  /** The files botocore may read as `as`, by the HOME whose `.aws` directory holds them (NAMED for one a variable names). */
  const byHome = (as: BotocoreFileRole): Map<string, OfferedFile[]> => {
    const [name, fallback] = as === 'config' ? ['AWS_CONFIG_FILE', '/.aws/config'] : ['AWS_SHARED_CREDENTIALS_FILE', '/.aws/credentials'];
    const named = settings.get(name);
    const path = named?.value === undefined ? undefined : botocoreCredentialsPath(named.value, homeOf(settings));
    // Where no variable names it: `~` + fallback with the HOME a PodDefault sets, when its value is known.
    const setHome = settings.get('HOME')?.value;
    const atHome = named === undefined && setHome !== undefined ? botocoreCredentialsPath(`~${fallback}`, setHome) : undefined;
    const found = new Map<string, OfferedFile[]>();
    if (named !== undefined && path === undefined) { return found; }
    for (const file of files) {
      if (file.as !== as) { continue; }
      const folded = foldPath(file.path);
      const inHome = folded.endsWith(fallback) && (atHome === undefined || foldPath(atHome) === folded);
      const home = named !== undefined ? (foldPath(path!) === folded ? NAMED : undefined) : inHome ? folded.slice(0, -fallback.length) : undefined;
      if (home === undefined) { continue; }
      const held = found.get(home);
      if (held === undefined) { found.set(home, [file]); } else { held.push(file); }
    }
    return found;
  };
  const [credentials, config] = [byHome('credentials'), byHome('config')];
  const at = (byThat: Map<string, OfferedFile[]>, home: string): (OfferedFile | undefined)[] => byThat.get(NAMED) ?? byThat.get(home) ?? [undefined];
  const homes = new Set([...credentials.keys(), ...config.keys()].filter(home => home !== NAMED));
  const pairs: { credentials?: OfferedFile; config?: OfferedFile }[] = [];
  for (const home of homes.size === 0 ? [NAMED] : homes) {
    for (const c of at(credentials, home)) {
      for (const g of at(config, home)) {
        if (c !== undefined || g !== undefined) { pairs.push({ credentials: c, config: g }); }
      }
    }
  }
  return pairs;
}

/** A file a PodDefault mounts from a key of a Secret. */
interface MountedFile {
  readonly path: string;
  readonly secret: string;
  readonly key: string;
}

/**
 * The files a PodDefault's mounts of Secret volumes (`secret`, or `secret` sources of `projected`) put in
 * the container: a key (or an item) per file under the mount path, or the one file a `subPath` mount
 * names. A Secret's keys come from the input; a Secret it does not hold gives no file.
 */
function mountedSecretFiles(pd: PodDefaultFound, namespace: string, keys: DataKeys): MountedFile[] {
  const spec = pd.manifest.spec ?? {};
  const volumes = new Map<string, readonly SecretVolumeSource[]>();
  for (const volume of listOf(spec.volumes)) {
    const sources = secretVolumeSources(volume);
    if (typeof volume?.name === 'string' && sources.length > 0) { volumes.set(volume.name, sources); }
  }
  if (volumes.size === 0) { return []; }
  const files: MountedFile[] = [];
  for (const mount of listOf(spec.volumeMounts)) {
    const sources = volumes.get(mount?.name);
    if (sources === undefined || typeof mount.mountPath !== 'string') { continue; }
    const subPath = typeof mount.subPath === 'string' && mount.subPath !== '' ? mount.subPath : undefined;
    for (const { secretName: secret, items } of sources) {
      // Each file of the volume: an item's path from its key, or every key of the Secret under its own name.
      const entries: [string, string][] = Array.isArray(items)
        ? items.filter((i: any) => typeof i?.key === 'string' && typeof i?.path === 'string').map((i: any) => [i.path, i.key])
        : (keys.of('Secret', namespace, secret) ?? []).map(k => [k, k]);
      for (const [file, key] of entries) {
        if (subPath === undefined) {
          files.push({ path: `${mount.mountPath.replace(/\/+$/, '')}/${file}`, secret, key });
        } else if (foldPath(subPath) === foldPath(file)) {
          files.push({ path: mount.mountPath, secret, key });
        }
      }
    }
  }
  return files;
}
