// How the server starts: `wfcheck.path`, else wfcheck bundled with the extension
// (`useBundled`) or installed in the interpreter's environment (`fromEnvironment`), run by the
// interpreter of `wfcheck.interpreter`, else the Python extension's, else `python3`.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Uri } from 'vscode';
import { activeInterpreter } from './python';
import { StartSettings } from './settings';

export const DEFAULT_INTERPRETER = 'python3';
const PROBE_TIMEOUT_MS = 30000;
// Exits 3 on an old Python; otherwise imports the server (from the folders given first on the
// command line, if any) and prints wfcheck's version, where it comes from and the Python.
const PROBE = [
    'import os, sys',
    'if sys.version_info < (3, 11): print(sys.version.split()[0]); sys.exit(3)',
    'sys.path[:0] = sys.argv[1:]',
    'import wfcheck, wfcheck_lsp',
    'location = os.path.dirname(os.path.dirname(wfcheck.__file__))',
    'print(f"wfcheck {wfcheck.__version__} from {location}, run by {sys.executable} ({sys.version.split()[0]})")',
].join('\n');

export interface Launch {
    command: string;
    args: string[];
    /** What the output channel says about the server that starts. */
    description: string;
}

/** Why the server cannot start: `message` for the notification, `details` for the output. */
export class LaunchError extends Error {
    constructor(
        message: string,
        readonly details: string,
    ) {
        super(message);
    }
}

export async function resolveLaunch(
    settings: StartSettings,
    extensionPath: string,
    resource?: Uri,
): Promise<Launch> {
    if (settings.path.length > 0) {
        const found = settings.path.find((candidate) => isExecutable(candidate));
        if (found === undefined) {
            throw new LaunchError(
                `none of the paths in wfcheck.path exists: ${settings.path.join(', ')}. ` +
                    'Install the server with `pip install wfcheck` and give the path of its `wfcheck-lsp`.',
                `wfcheck.path: ${JSON.stringify(settings.path)}`,
            );
        }
        return { command: found, args: [], description: `${found} (wfcheck.path)` };
    }
    const interpreter = await chooseInterpreter(settings, resource);
    const [command, ...interpreterArgs] = interpreter;
    if (settings.importStrategy === 'fromEnvironment') {
        const found = await probe(interpreter, [], 'fromEnvironment');
        return {
            command,
            args: [...interpreterArgs, '-m', 'wfcheck_lsp'],
            description: `${found} (importStrategy: fromEnvironment)`,
        };
    }
    const libs = path.join(extensionPath, 'bundled', 'libs');
    const found = await probe(interpreter, [libs], 'useBundled');
    return {
        command,
        args: [...interpreterArgs, path.join(extensionPath, 'bundled', 'tool', 'server.py')],
        description: `${found} (importStrategy: useBundled)`,
    };
}

async function chooseInterpreter(settings: StartSettings, resource?: Uri): Promise<string[]> {
    if (settings.interpreter.length > 0) {
        return settings.interpreter;
    }
    try {
        const active = await activeInterpreter(resource);
        if (active !== undefined) {
            return [active];
        }
    } catch {
        // The Python extension did not answer: fall back to python3.
    }
    return [DEFAULT_INTERPRETER];
}

function isExecutable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function probe(interpreter: string[], libs: string[], strategy: string): Promise<string> {
    const [command, ...args] = interpreter;
    const shown = interpreter.join(' ');
    return new Promise((resolve, reject) => {
        execFile(
            command,
            [...args, '-c', PROBE, ...libs],
            { timeout: PROBE_TIMEOUT_MS },
            (error, stdout, stderr) => {
                if (!error) {
                    resolve(stdout.trim());
                    return;
                }
                // Not error.message: it repeats the probe's script and its standard error.
                const outcome = error.killed
                    ? `did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
                    : typeof error.code === 'number'
                      ? `exited with code ${error.code}`
                      : error.signal
                        ? `was ended by ${error.signal}`
                        : `failed: ${String(error.code ?? error.message)}`;
                const details = `checking "${shown}" for wfcheck: it ${outcome}\n${stderr}`.trim();
                if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
                    reject(
                        new LaunchError(
                            `no Python interpreter "${shown}". Install Python 3.11 or newer, or set ` +
                                'wfcheck.interpreter (or select one with the Python extension).',
                            details,
                        ),
                    );
                } else if (error.code === 3) {
                    reject(
                        new LaunchError(
                            `wfcheck needs Python 3.11 or newer, and "${shown}" is Python ` +
                                `${stdout.trim()}: set wfcheck.interpreter to a newer one.`,
                            details,
                        ),
                    );
                } else if (strategy === 'fromEnvironment') {
                    reject(
                        new LaunchError(
                            `wfcheck is not installed in "${shown}": run \`${shown} -m pip install wfcheck\`, ` +
                                'or set wfcheck.importStrategy to "useBundled".',
                            details,
                        ),
                    );
                } else {
                    reject(
                        new LaunchError(
                            `the wfcheck bundled with the extension does not start with "${shown}". ` +
                                `Run \`${shown} -m pip install wfcheck\` and set wfcheck.importStrategy to "fromEnvironment".`,
                            details,
                        ),
                    );
                }
            },
        );
    });
}
