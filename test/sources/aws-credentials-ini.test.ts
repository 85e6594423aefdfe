import * as fc from 'fast-check';
import {
  credentialValueProblem, CredentialsProfile, parseCredentialsIni, regionProblem, renderConfigIni, renderCredentialsIni,
} from '../../lib/sources/aws-credentials-ini';
import { AccessError } from '../../lib/errors';

const FAKE_SECRET = 'fake-secret-key-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AccessError);
    return e as Error;
  }
  throw new Error('expected an AccessError');
}

describe('parseCredentialsIni reads what the AWS CLI reads', () => {
  test.each<[string, string, CredentialsProfile[]]>([
    ['spaces around "=" are syntax', '[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\n',
      [{ name: 'default', ...keys }]],
    ['no spaces at all', '[default]\naws_access_key_id=AKIAFAKEFAKEFAKE0000\naws_secret_access_key=fake-secret-key-0000',
      [{ name: 'default', ...keys }]],
    ['CRLF line ends and a byte-order mark', '\ufeff[default]\r\naws_access_key_id = AKIAFAKEFAKEFAKE0000\r\naws_secret_access_key = fake-secret-key-0000\r\n',
      [{ name: 'default', ...keys }]],
    ['comments, blank lines, indentation and upper-case keys', '# team keys\n\n; old style\n  [default]\n  AWS_ACCESS_KEY_ID = AKIAFAKEFAKEFAKE0000\n\taws_secret_access_key = fake-secret-key-0000\n',
      [{ name: 'default', ...keys }]],
    ['":" as the delimiter, the first of "=" and ":" on the line', '[default]\naws_access_key_id: AKIAFAKEFAKEFAKE0000\naws_secret_access_key :fake-secret-key-0000\naws_session_token = a:b\n',
      [{ name: 'default', ...keys, sessionToken: 'a:b' }]],
    ['every setting indented the same, and comments and blank lines at any indentation', '[default]\n  aws_access_key_id = AKIAFAKEFAKEFAKE0000\n      # a comment\n\n  aws_secret_access_key = fake-secret-key-0000\n    \n',
      [{ name: 'default', ...keys }]],
    ['a setting less indented than the one before it', '[default]\n    aws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\n',
      [{ name: 'default', ...keys }]],
    ['an indented setting right after a header', '[default]\naws_access_key_id = A\naws_secret_access_key = B\n[dev]\n  aws_access_key_id = C\n  aws_secret_access_key = D\n',
      [{ name: 'default', accessKeyId: 'A', secretAccessKey: 'B' }, { name: 'dev', accessKeyId: 'C', secretAccessKey: 'D' }]],
    ['spaces inside a profile name, which configparser keeps too', '[my team]\naws_access_key_id = A\naws_secret_access_key = B\n',
      [{ name: 'my team', accessKeyId: 'A', secretAccessKey: 'B' }]],
    ['Python\'s whitespace, not JavaScript\'s: U+001F and U+0085 are stripped', '[default]\naws_access_key_id = A\u001f\naws_secret_access_key =\u0085B\n',
      [{ name: 'default', accessKeyId: 'A', secretAccessKey: 'B' }]],
    ['a value that holds "=" (base64 padding)', '[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\naws_session_token = ZmFrZQ==\n',
      [{ name: 'default', ...keys, sessionToken: 'ZmFrZQ==' }]],
    ['several profiles, a region and unknown settings', '[default]\naws_access_key_id = A\naws_secret_access_key = B\n[dev]\nregion = eu-west-1\naws_access_key_id = C\naws_secret_access_key = D\nsigv4 = yes\n',
      [{ name: 'default', accessKeyId: 'A', secretAccessKey: 'B' }, { name: 'dev', accessKeyId: 'C', secretAccessKey: 'D', region: 'eu-west-1' }]],
  ])('%s', (_what, text, expected) => {
    // GIVEN a credentials file WHEN it is parsed THEN the profiles are those the AWS CLI sees
    expect(parseCredentialsIni(text)).toEqual(expected.map(p => ({ sessionToken: undefined, region: undefined, ...p })));
  });
});

describe('parseCredentialsIni rejects a broken file by line number, never by content', () => {
  const profile = (body: string) => `[default]\n${body}`;
  test.each<[string, string, string]>([
    ['an empty file', '', 'holds no profile: add a "[default]" header followed by aws_access_key_id and aws_secret_access_key'],
    ['only comments', '# nothing here\n', 'holds no profile: add a "[default]" header followed by aws_access_key_id and aws_secret_access_key'],
    ['a line without "="', profile(`aws_access_key_id = A\n${FAKE_SECRET}\n`),
      'line 3 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it'],
    ['a line with "=" but no key', profile(`= ${FAKE_SECRET}\n`),
      'line 2 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it'],
    ['an unclosed header', `[default\naws_secret_access_key = ${FAKE_SECRET}\n`,
      'line 1 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it'],
    ['a header without a name', '[ ]\n', 'line 1 is a profile header without a name: write "[default]" or "[NAME]"'],
    ['a config-file header', '[profile dev]\n', 'line 1 is a "[profile NAME]" header, which belongs in the config file: in a credentials file write "[NAME]"'],
    ['a setting before any header', `aws_secret_access_key = ${FAKE_SECRET}\n[default]\n`,
      'line 1 is a setting before any profile header: put it under a header such as "[default]"'],
    ['a duplicate profile', `[dev]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n[dev]\n`,
      'line 4: the profile of line 1 appears again: give each profile once'],
    ['a duplicate key', profile(`aws_secret_access_key = ${FAKE_SECRET}\nAWS_SECRET_ACCESS_KEY = other-${FAKE_SECRET}\n`),
      'line 3: aws_secret_access_key appears twice in the profile of line 1 (lines 2 and 3): keep one'],
    ['a pasted token fragment twice', profile(`${FAKE_SECRET}=x\n${FAKE_SECRET}=y\n`),
      'line 3: the setting appears twice in the profile of line 1 (lines 2 and 3): keep one'],
    ['an empty value', profile('aws_access_key_id = A\naws_secret_access_key =\n'),
      'line 3: aws_secret_access_key in the profile of line 1 is empty: give a value or remove the line'],
    ['an unknown key without a value', profile(`${FAKE_SECRET}=\n`),
      'line 2: the setting in the profile of line 1 is empty: give a value or remove the line'],
    ['a comment after a key, which configparser keeps in the value', profile(`aws_access_key_id = A # team key\naws_secret_access_key = ${FAKE_SECRET}\n`),
      'line 2: aws_access_key_id in the profile of line 1 holds "#" or ";" after a space, which AWS tools read as part of the value, not as a comment: put the comment on a line of its own'],
    ['a ";" comment after a secret key', profile(`aws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\t; rotated\n`),
      'line 3: aws_secret_access_key in the profile of line 1 holds "#" or ";" after a space, which AWS tools read as part of the value, not as a comment: put the comment on a line of its own'],
    ['two words as a session token', profile(`aws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\naws_session_token = fake token\n`),
      'line 4: aws_session_token in the profile of line 1 contains whitespace, which no key or token does: check what was pasted'],
    ['a control character in a key in [DEFAULT]', `[DEFAULT]\naws_secret_access_key = ${FAKE_SECRET}\u0000\n[default]\naws_access_key_id = A\n`,
      'line 2: aws_secret_access_key in "[DEFAULT]" contains a control character: check what was pasted'],
    ['a bad region', profile('region = EU West\n'),
      'line 2: region in the profile of line 1 is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['a profile without a secret key', profile('aws_access_key_id = A\n'),
      'has a profile at line 1 without aws_secret_access_key: add it, or remove the profile'],
    ['a profile without keys', `[default]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n\n[dev]\nregion = us-east-1\n`,
      'has a profile at line 5 without aws_access_key_id and aws_secret_access_key: add them, or remove the profile'],
    ['a pasted key as a header, named by its line only', `[default]\naws_access_key_id = A\naws_secret_access_key = B\n[${FAKE_SECRET}]\n`,
      'has a profile at line 4 without aws_access_key_id and aws_secret_access_key: add them, or remove the profile'],
    ['an indented line after a setting, which configparser appends to its value', profile(`aws_access_key_id = A\n  aws_secret_access_key = ${FAKE_SECRET}\n`),
      'line 3 is indented, which AWS tools read as the continuation of the previous line\'s value: remove the indentation'],
    ['an indented line after a blank line and a comment', profile(`aws_access_key_id = A\n\n# next\n\taws_secret_access_key = ${FAKE_SECRET}\n`),
      'line 5 is indented, which AWS tools read as the continuation of the previous line\'s value: remove the indentation'],
    ['an indented header after a setting', `[default]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n [dev]\n`,
      'line 4 is indented, which AWS tools read as the continuation of the previous line\'s value: remove the indentation'],
    ['a value continued on the next line', profile(`aws_access_key_id = A\naws_secret_access_key =\n  ${FAKE_SECRET}\n`),
      'line 3: aws_secret_access_key in the profile of line 1 is empty: give a value or remove the line'],
    ['spaces inside the brackets', `[ default ]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n`,
      'line 1: the profile name has spaces inside the brackets, which AWS tools keep as part of the name: write "[NAME]"'],
    ['a pasted key inside spaced brackets', `[\t${FAKE_SECRET}]\n`,
      'line 1: the profile name has spaces inside the brackets, which AWS tools keep as part of the name: write "[NAME]"'],
    ['a byte-order mark that is not the first character', `# notes\n\ufeff[default]\naws_secret_access_key = ${FAKE_SECRET}\n`,
      'line 2 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it'],
    ['a line break inside a CRLF file', `[default]\r\naws_access_key_id = A\r\n${FAKE_SECRET}\r\n`,
      'line 3 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it'],
  ])('%s', (_what, text, message) => {
    // GIVEN a broken file WHEN it is parsed THEN the error names the line, and no value
    const error = errorOf(() => parseCredentialsIni(text));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(FAKE_SECRET);
  });
});

describe('renderCredentialsIni', () => {
  test('one profile: a header, the keys in order, a trailing newline', () => {
    expect(renderCredentialsIni([{ name: 'default', ...keys }])).toBe(
      '[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\n');
  });

  test('several profiles: a blank line between them, the token last, regions left to the config file', () => {
    expect(renderCredentialsIni([
      { name: 'default', ...keys, region: 'us-east-1' },
      { name: 'dev', accessKeyId: 'A', secretAccessKey: 'B', sessionToken: 'T' },
    ])).toBe('[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\n\n' +
      '[dev]\naws_access_key_id = A\naws_secret_access_key = B\naws_session_token = T\n');
  });

  test.each<[string, CredentialsProfile[], string]>([
    ['no profile', [], 'no profile given: pass at least one profile'],
    ['an empty secret key', [{ name: 'default', accessKeyId: 'A', secretAccessKey: '' }],
      'profile "default": secretAccessKey is empty: give a non-empty value'],
    ['a secret key with a newline', [{ name: 'default', accessKeyId: 'A', secretAccessKey: `${FAKE_SECRET}\n` }],
      'profile "default": secretAccessKey contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a secret key with a trailing space', [{ name: 'default', accessKeyId: 'A', secretAccessKey: `${FAKE_SECRET} ` }],
      'profile "default": secretAccessKey has leading or trailing whitespace: remove it'],
    ['a key with inner whitespace', [{ name: 'default', accessKeyId: 'A B', secretAccessKey: FAKE_SECRET }],
      'profile "default": accessKeyId contains whitespace, which no key or token does: check what was pasted'],
    ['a secret key with an escape character pasted from a terminal', [{ name: 'default', accessKeyId: 'A', secretAccessKey: `${FAKE_SECRET}\u001b[0m` }],
      'profile "default": secretAccessKey contains a control character: check what was pasted'],
    ['a token with a NUL', [{ name: 'default', ...keys, sessionToken: `${FAKE_SECRET}\u0000` }],
      'profile "default": sessionToken contains a control character: check what was pasted'],
    ['a key ID with DEL', [{ name: 'default', accessKeyId: `${FAKE_SECRET}\u007f`, secretAccessKey: 'B' }],
      'profile "default": accessKeyId contains a control character: check what was pasted'],
    ['a token with a newline', [{ name: 'default', ...keys, sessionToken: `\n${FAKE_SECRET}` }],
      'profile "default": sessionToken contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a bad region', [{ name: 'default', ...keys, region: 'US-EAST-1' }],
      'profile "default": region is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['a profile name with a space', [{ name: 'my profile', ...keys }],
      'profile has a space at character 3; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it'],
    ['a profile name with a bracket', [{ name: 'dev]', ...keys }],
      'profile has "]" at character 4; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it'],
    ['a profile named "DEFAULT", configparser\'s defaults section', [{ name: 'default', ...keys }, { name: 'DEFAULT', ...keys, sessionToken: 'fake-token-0000' }],
      'profile is "DEFAULT", which AWS tools read as the section whose keys every profile inherits, not as a profile: name it otherwise, such as "default"'],
    ['the same profile twice', [{ name: 'dev', ...keys }, { name: 'dev', ...keys }],
      'profile "dev" is given twice: give each profile once'],
  ])('rejects %s', (_what, profiles, message) => {
    const error = errorOf(() => renderCredentialsIni(profiles));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(FAKE_SECRET);
  });

  test('what it renders, the parser reads back unchanged', () => {
    // GIVEN any valid profiles
    const value = fc.stringMatching(/^[A-Za-z0-9+/=_.-]{1,40}$/);
    const profiles = fc.uniqueArray(fc.record({
      name: fc.stringMatching(/^[A-Za-z0-9_.@+-]{1,20}$/).filter(n => !n.startsWith('#') && !n.startsWith(';')),
      accessKeyId: value,
      secretAccessKey: value,
      sessionToken: fc.option(value, { nil: undefined }),
    }), { minLength: 1, maxLength: 4, selector: p => p.name });
    fc.assert(fc.property(profiles, ps => {
      // WHEN rendered and parsed again THEN nothing changes
      expect(parseCredentialsIni(renderCredentialsIni(ps))).toEqual(ps.map(p => ({ ...p, region: undefined })));
    }));
  });
});

describe('renderConfigIni', () => {
  test('only profiles with a region; [default], and [profile NAME] for the others', () => {
    expect(renderConfigIni([
      { name: 'default', region: 'us-east-1' },
      { name: 'ci' },
      { name: 'dev', region: 'eu-west-1' },
    ])).toBe('[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n');
  });

  test('no region anywhere: no config file', () => {
    expect(renderConfigIni([{ name: 'default' }, { name: 'dev' }])).toBeUndefined();
  });
});

describe('value checks', () => {
  test.each<[string, string | undefined]>([
    ['AKIAFAKEFAKEFAKE0000', undefined],
    ['minio', undefined],
    ['a+b/c=', undefined],
    ['', 'is empty: give a non-empty value'],
    [' x', 'has leading or trailing whitespace: remove it'],
    ['x\r', 'contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['x\ty', 'contains whitespace, which no key or token does: check what was pasted'],
    ['x\ud800y', 'is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character'],
    ['x\ud83d\ude00', undefined],
    ['x\u0000y', 'contains a control character: check what was pasted'],
    ['x\u001by', 'contains a control character: check what was pasted'],
    ['x\u007f', 'contains a control character: check what was pasted'],
    ['\u001fx', 'contains a control character: check what was pasted'],
    // C1 controls too: botocore strips U+0085 from the end of a value it reads from the credentials file.
    ['x\u0080y', 'contains a control character: check what was pasted'],
    ['x\u0085', 'contains a control character: check what was pasted'],
    ['x\u009fy', 'contains a control character: check what was pasted'],
    ['x\u00a1y', undefined],
    ['x\u200by', 'contains an invisible character (such as a zero-width space or a direction mark), which no key or token holds: check what was pasted'],
    ['\u200fx', 'contains an invisible character (such as a zero-width space or a direction mark), which no key or token holds: check what was pasted'],
  ])('credential value %j', (value, problem) => {
    expect(credentialValueProblem(value)).toBe(problem);
  });

  test.each<[string, boolean]>([
    ['us-east-1', true], ['eu-central-2', true], ['minio', true],
    ['', false], ['US-EAST-1', false], ['us east 1', false], ['us_east_1', false], ['us-east-1\n', false],
  ])('region %j is valid: %s', (region, valid) => {
    expect(regionProblem(region) === undefined).toBe(valid);
  });
});
