// The order in which the check judges the PodDefaults of a namespace.
import { PodDefaultFound } from '../../lib/check/objects';
import { byName, sortByName } from '../../lib/check/selection';

/** A PodDefault as the sort reads it: a name and an input position. */
function found(name: string, index: number): PodDefaultFound {
  return { name, index } as PodDefaultFound;
}

/** The `n`-th permutation of `list` (factorial number system), so that every test is reproducible. */
function permutation<T>(list: readonly T[], n: number): T[] {
  const rest = [...list];
  const out: T[] = [];
  for (let k = rest.length; k > 0; k--) {
    out.push(rest.splice(n % k, 1)[0]);
    n = Math.floor(n / k);
  }
  return out;
}

describe('sortByName', () => {
  // Lists on both sides of the length where the insertion sort hands over to Array.prototype.sort, with
  // names that repeat, so that the input position decides between them.
  const NAMES = ['minio', 'aws-credentials', 'docker-config', 'aws-configuration', 'minio', 'a', 'docker-config', 'b', 'a', 'z', 'aws', 'm'];
  test.each(Array.from({ length: NAMES.length + 1 }, (_, length) => [length]))('orders %i PodDefaults as Array.prototype.sort with byName does', length => {
    for (let n = 0; n < 50; n++) {
      // GIVEN a permutation of PodDefaults, some of one name
      const list = permutation(NAMES.slice(0, length).map(found), n * 7919);
      // WHEN sorted
      const sorted = sortByName([...list]);
      // THEN by name, then by input position, as the built-in sort orders them
      expect(sorted.map(pd => [pd.name, pd.index])).toEqual([...list].sort(byName).map(pd => [pd.name, pd.index]));
    }
  });

  test('sorts in place and returns the list', () => {
    // GIVEN a short list out of order
    const list = [found('b', 0), found('a', 1)];
    // WHEN sorted THEN the list itself is in order
    expect(sortByName(list)).toBe(list);
    expect(list.map(pd => pd.name)).toEqual(['a', 'b']);
  });
});
