// Removes the run's temporary directory (test/global-setup.ts).
import { rmSync } from 'fs';

export default function globalTeardown(): void {
  const dir = process.env.CDK8S_KUBEFLOW_ACCESS_TEST_TMPDIR;
  if (dir !== undefined) { rmSync(dir, { recursive: true, force: true }); }
}
