// Child process of test/support/cpython314.ts: loads Pyodide (CPython 3.14 in WebAssembly), makes
// the given host folders visible at the same paths, and runs one script with the given stdin;
// what the script prints goes to this process's stdout. Plain JavaScript, so that plain `node`
// runs it without the test runner's transforms.
import { pathToFileURL } from 'node:url';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { home, script, input, paths } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const { loadPyodide } = await import(pathToFileURL(`${home}/pyodide.mjs`).href);
const python = await loadPyodide({ indexURL: `${home}/`, stdout: () => undefined, stderr: () => undefined });
for (const path of paths) {
  python.FS.mkdirTree(path);
  python.mountNodeFS(path, path);
}
python.globals.set('SCRIPT', script);
python.globals.set('INPUT', input);
python.globals.set('PATHS', python.toPy(paths));
const output = python.runPython(`
import io, runpy, sys, traceback
sys.dont_write_bytecode = True
sys.path += [p for p in PATHS if p.endswith('site-packages')]
sys.argv = [SCRIPT]
sys.stdin = io.StringIO(INPUT)
captured = io.StringIO()
sys.stdout = captured
try:
    runpy.run_path(SCRIPT, run_name='__main__')
    failure = None
except BaseException:
    failure = traceback.format_exc()
finally:
    sys.stdout = sys.__stdout__
(captured.getvalue(), failure)
`);
const [printed, failure] = output.toJs();
if (failure) {
  process.stderr.write(failure);
  process.exitCode = 1;
} else process.stdout.write(printed);
