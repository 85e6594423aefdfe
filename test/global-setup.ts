// Every temporary file of a test run goes in one directory, removed when the run ends
// (test/global-teardown.ts): cdk8s's Testing.app() makes a directory in os.tmpdir() for every app (some
// seven thousand a run), and tests write scratch files there. The workers start after this and inherit
// TMPDIR, which os.tmpdir() reads on every call.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export default function globalSetup(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'cdk8s-kubeflow-access-test-'));
  process.env.CDK8S_KUBEFLOW_ACCESS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
