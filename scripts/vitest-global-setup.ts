/**
 * Before any test: builds the command line when its build is missing or older than its sources,
 * so the CLI tests run the built JavaScript as users do (decision 0083), and parallel test
 * processes do not each rebuild it.
 */
export default async function setup() {
  const { ensureCli } = await import('../packages/cli/build/build.js');
  await ensureCli();
}
