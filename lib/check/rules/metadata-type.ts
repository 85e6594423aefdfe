// A field of an object's metadata whose value is of a type ObjectMeta does not declare: a label or annotation
// value that YAML reads as a number or a boolean (`team: 2`, `enabled: yes`), annotations written as a list,
// a generation with a fraction, an owner reference's `controller: "true"`. ObjectMeta's Go types are in
// k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/types.go. The API server refuses such an object whatever
// kubectl's --validate (that flag is about unknown fields): a built-in kind fails to decode into its Go struct
// ("cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"), a custom resource
// fails apiextensions-apiserver's GetObjectMeta (v0.32.9 pkg/apiserver/customresource_handler.go: the request
// decoder keeps dropInvalidMetadata false; only the storage decoder, for CRs stored before ObjectMeta was
// validated, drops invalid fields). A null is no refusal: Go's decoder leaves the field empty.
import { isInteger, shownPath } from '../../admission/stored-pod-default';
import { isPlainObject, yamlTypeName } from '../../json';
import { judgedMetadata, OBJECT_META, Scalar } from '../object-meta';
import { Found, kindWord, objectSubject } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

const EXPECTED: Readonly<Record<Scalar | 'map' | 'list' | 'object', string>> = {
  string: 'a string', integer: 'an integer', boolean: 'true or false', time: 'a time (a string in RFC 3339, such as 2026-01-01T00:00:00Z)', any: 'any value', map: 'a mapping', list: 'a list', object: 'a mapping',
};

/** Each field of an object's metadata (but a list's, which kubectl never sends) of a type ObjectMeta does not declare; by its path, never its value. */
export function metadataFieldTypes(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const metadata = judgedMetadata(found);
    if (metadata === undefined) { continue; }
    const refuse = (parts: readonly (string | number)[], value: unknown, expected: string) => {
      const path = shownPath(parts);
      const kind = kindWord(found);
      problems.push(checkProblem({
        rule: 'field-type',
        namespace: found.namespace,
        sources: [found.source],
        key: path,
        message: `${objectSubject(found)} has ${kindOf(value, expected)} at ${path}, where ObjectMeta declares ${expected}: the api server refuses the ${kind} `
          + '(it cannot decode its metadata), so kubectl apply fails whatever its --validate',
        fix: fixFor(kindOf(value, expected), expected),
      }));
    };
    const scalar = (parts: readonly (string | number)[], value: unknown, type: Scalar) => {
      if (value === null || type === 'any' || matches(value, type)) { return; }
      // A time of another type than a string is refused as one, a string Go cannot parse as a time.
      refuse(parts, value, type === 'time' && typeof value !== 'string' ? EXPECTED.string : EXPECTED[type]);
    };
    for (const key of Object.keys(metadata)) {
      const type = OBJECT_META[key];
      // A field ObjectMeta lacks is unknown-field's.
      if (type === undefined || !Object.prototype.hasOwnProperty.call(OBJECT_META, key)) { continue; }
      const value = metadata[key];
      if (value === null) { continue; }
      if (typeof type === 'string') {
        scalar(['metadata', key], value, type);
      } else if ('map' in type) {
        if (!isPlainObject(value)) { refuse(['metadata', key], value, EXPECTED.map); continue; }
        for (const k of Object.keys(value)) { scalar(['metadata', key, k], value[k], type.map); }
      } else if (!Array.isArray(value)) {
        refuse(['metadata', key], value, EXPECTED.list);
      } else if ('list' in type) {
        value.forEach((item, j) => scalar(['metadata', key, j], item, type.list));
      } else {
        value.forEach((item, j) => {
          if (item === null) { return; }
          if (!isPlainObject(item)) { refuse(['metadata', key, j], item, EXPECTED.object); return; }
          for (const field of Object.keys(item)) {
            // A field the item lacks is unknown-field's.
            if (Object.prototype.hasOwnProperty.call(type.objects, field)) { scalar(['metadata', key, j, field], item[field], type.objects[field]); }
          }
        });
      }
    }
  }
  return problems;
}

function matches(value: unknown, type: Scalar): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'time': return typeof value === 'string' && isGoRfc3339Time(value);
    // An int64 (sigs.k8s.io/json decodes a whole number into one). kubectl writes a float that is a whole number
    // without fraction or exponent (sigs.k8s.io/yaml's JSON of go-yaml's float64), so any whole number of int64's
    // range decodes, past 2^53 too (test/check/objects-rules.test.ts compares with kubectl's decoding).
    case 'integer': return isInteger(value);
    default: return true;
  }
}

/** The kind of `value` in the words of a message, never any part of it. */
function kindOf(value: unknown, expected: string): string {
  if (typeof value === 'string' && expected === EXPECTED.time) { return 'a string that is no RFC 3339 time'; }
  if (typeof value === 'number' && !Number.isInteger(value) && expected === EXPECTED.integer) { return 'a number with a fraction'; }
  if (typeof value === 'number' && expected === EXPECTED.integer) { return 'a whole number beyond 64 bits'; }
  return yamlTypeName(value);
}

function fixFor(found: string, expected: string): string {
  if (expected === EXPECTED.string && (found === 'a number' || found === 'a boolean')) { return 'quote the value'; }
  if (expected === EXPECTED.integer && found === 'a string') { return 'write the number without quotes'; }
  if (expected === EXPECTED.integer) { return 'write a whole number'; }
  if (expected === EXPECTED.boolean && found === 'a string') { return 'write true or false, without quotes'; }
  if (expected === EXPECTED.time) { return 'write the time in RFC 3339, such as 2026-01-01T00:00:00Z, or leave the field out (the api server sets creationTimestamp and deletionTimestamp)'; }
  if (expected === EXPECTED.list) { return 'write a list, each item on a line that starts with -'; }
  if (expected === EXPECTED.map) { return 'write a mapping, each key on a line of its own (key: value)'; }
  return `write ${expected}`;
}

/**
 * Whether Go's `time.Parse(time.RFC3339, value)` reads `value`, as metav1.Time's UnmarshalJSON does (k8s.io/apimachinery
 * v0.32.9 pkg/apis/meta/v1/time.go). Parse tries parseRFC3339 (Go src/time/format_rfc3339.go), then the layout
 * "2006-01-02T15:04:05Z07:00" (src/time/format.go, parse), which takes more: a year of 4 digits, month, day,
 * minute and second of 2, an hour of 1 or 2 (stdHour), a fraction of any length after `.` or `,` though the
 * layout has none, then `Z` or a sign, 2 digits, `:` and 2 digits. Out of range: a month outside 1-12, a day
 * past the month's end (daysIn, Gregorian leap years), hour 24, minute or second 60, a zone's hour past 24 or
 * its minute past 60 (those ranges take "24" and "60", as format.go says some people write offsets).
 * test/check/objects-rules.test.ts compares the verdicts with kubectl's decoding.
 */
function isGoRfc3339Time(value: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:[.,][0-9]+)?(?:Z|[+-]([0-9]{2}):([0-9]{2}))$/.exec(value);
  if (m === null) { return false; }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const zoneOk = m[7] === undefined || (Number(m[7]) <= 24 && Number(m[8]) <= 60);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60 && zoneOk;
}
