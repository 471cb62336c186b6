// The browser tests' jest environment: Node's, plus a failure report. When a test or a hook fails, the
// pages still open are saved (screenshot, visible text, last toasts, GraphQL errors: failure-report.ts)
// before the test's own clean-up closes them, and the failure message names the folder.
import { TestEnvironment } from 'jest-environment-node';

export default class BrowserTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const write = this.global.__writeBrowserFailureReport;
    if (typeof write !== 'function') return;
    const name = event.test ? fullName(event.test) : `${event.hook.type} hook`;
    const dir = await write(this.testPath, name).catch((error) => {
      process.stderr.write(`browser failure report not written: ${error.message}\n`);
      return null;
    });
    if (!dir) return;
    const line = `Browser pages at the failure (screenshots, visible text, toasts, GraphQL): ${dir}`;
    process.stderr.write(`\n${line}\n`);
    // Jest prints the stack, which starts with the message: the line goes right after the message.
    const error = event.error;
    if (error && typeof error === 'object' && typeof error.message === 'string') {
      if (typeof error.stack === 'string' && error.stack.includes(error.message))
        error.stack = error.stack.replace(error.message, `${error.message}\n\n${line}`);
      else error.message = `${error.message}\n\n${line}`;
    } else if (event.test) {
      // A timeout is thrown as a string, which cannot carry the line: it goes in as one more error.
      const note = new Error(line);
      note.stack = line;
      event.test.errors.push(note);
    }
  }
}

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}
