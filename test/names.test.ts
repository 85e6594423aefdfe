// The naming rules of lib/names.ts that have a fast path: each table holds the inputs on both sides of it.
import { foldPath, isAbsoluteDirectory, kebabCase } from '../lib/names';

describe('kebabCase', () => {
  test.each([
    // ids in kebab case already: returned as they are
    ['docker-config', 'docker-config'],
    ['minio', 'minio'],
    ['a--b', 'a--b'],
    ['9a', '9a'],
    ['', ''],
    // everything else: converted
    ['DockerConfig', 'docker-config'],
    ['AWSCreds', 'aws-creds'],
    ['a_b.c d', 'a-b-c-d'],
    ['x-Y', 'x-y'],
    ['Minio', 'minio'],
  ])('%j -> %j', (id, expected) => {
    expect(kebabCase(id)).toBe(expected);
  });
});

describe('isAbsoluteDirectory', () => {
  test.each([
    ['/home/jovyan/.aws/', true],
    ['/', true],
    ['/a..', true],
    ['/a/..b', true],
    ['/..a/', true],
    ['/a/.../', true],
    ['/a/..', false],
    ['/a/../b', false],
    ['/..', false],
    ['/../', false],
    ['a/b', false],
    ['', false],
    ['/a\nb', false],
    ['/a\rb', false],
    ['/a\0', false],
  ])('%j -> %j', (path, expected) => {
    // THEN it agrees with the table, and with the plain reading of the rule: absolute, no line break or NUL, no ".." segment
    expect(isAbsoluteDirectory(path)).toBe(expected);
    expect(path.startsWith('/') && !/[\r\n\0]/.test(path) && !path.split('/').includes('..')).toBe(expected);
  });
});

describe('foldPath', () => {
  test.each([
    ['/home/kubeflow/.docker/', '/home/kubeflow/.docker'],
    ['/home/kubeflow//./.docker', '/home/kubeflow/.docker'],
    ['/home/kubeflow/.docker', '/home/kubeflow/.docker'],
    ['/dev/shm/.', '/dev/shm'],
    ['/', '/'],
    ['/a/b/', '/a/b'],
    ['/a//b/./c', '/a/b/c'],
    ['/a/b/../c', '/a/c'],
    ['/../a', '/a'],
    ['/a/..', '/'],
    ['a/../../b', '../b'],
  ])('%j -> %j', (path, folded) => {
    expect(foldPath(path)).toBe(folded);
  });

  // A plain path with one trailing '/' is folded by dropping the '/': these end in '/' but are not plain
  // before it, so a shortcut taken too often gives another answer than the segment-wise fold.
  test.each([
    ['//', '/'], ['///', '/'], ['/a/', '/a'], ['/a//', '/a'], ['/a/./', '/a'], ['/a/../', '/'], ['/../', '/'], ['a/', 'a'],
    ['./', ''], ['../', '..'], ['/.../', '/...'], ['.../', '...'], ['/a\n/b/', '/a\n/b'], ['a\n//', 'a\n'],
  ])('%j with a trailing slash -> %j', (path, folded) => {
    expect(foldPath(path)).toBe(folded);
  });
});
