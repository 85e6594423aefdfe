// The ratios in BENCHMARKS.md hold only if every plain build of the benchmark writes what the library
// writes, and each step build has what it claims of the library: its construct paths, then its classes.
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Build, libraryProfile, plainProfile, profileTemplate, Template } from '../bench/synth-bench';

/** The template as a child process reads it: through JSON. */
const template: Template = JSON.parse(JSON.stringify(profileTemplate()));

/** One profile in namespace `template` (the template's own, so the docker login is the same). */
function app(profile: (scope: Chart, namespace: string) => void): App {
  const result = Testing.app();
  profile(new Chart(result, 'profile', { namespace: 'template' }), 'template');
  return result;
}

function prototypeDepth(c: IConstruct): number {
  let depth = 0;
  for (let p = Object.getPrototypeOf(c); p !== null; p = Object.getPrototypeOf(p)) { depth++; }
  return depth;
}

/** Each construct's path, whether it is an ApiObject, and how deep its prototype chain is. */
function shape(of: App, withDepth: boolean): string[] {
  return of.node.findAll().map(c => `${c.node.path} ${ApiObject.isApiObject(c)}${withDepth ? ` ${prototypeDepth(c)}` : ''}`);
}

describe('the benchmark builds', () => {
  const library = app(libraryProfile);

  test.each<Build>(['plain', 'plain-tree', 'plain-classes'])('GIVEN the template WHEN %s builds a profile THEN it writes the library\'s YAML', build => {
    expect(app(plainProfile(template, build)).synthYaml()).toEqual(library.synthYaml());
  });

  test('GIVEN the template WHEN plain-tree builds a profile THEN it has the library\'s paths, plain ApiObjects and Constructs only', () => {
    const tree = app(plainProfile(template, 'plain-tree'));
    expect(shape(tree, false)).toEqual(shape(library, false));
    expect(shape(tree, false)).toContain('profile/notebook/docker-config/Secret true');
    expect(new Set(tree.node.findAll().slice(2).map(c => c.constructor))).toEqual(new Set([ApiObject, Construct]));
  });

  test('GIVEN the template WHEN plain-classes builds a profile THEN it has the library\'s paths, prototype depths and number of classes', () => {
    const classes = app(plainProfile(template, 'plain-classes'));
    expect(shape(classes, true)).toEqual(shape(library, true));
    const count = (a: App) => new Set(a.node.findAll().map(c => c.constructor)).size;
    expect(count(classes)).toBe(8);
    expect(count(library)).toBe(8);
  });
});
