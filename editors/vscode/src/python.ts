// The Python extension's active environment, when that extension is installed.
import { PythonExtension } from '@vscode/python-extension';
import { Disposable, Uri, extensions } from 'vscode';

const PYTHON_EXTENSION = 'ms-python.python';

export function pythonExtensionInstalled(): boolean {
    return extensions.getExtension(PYTHON_EXTENSION) !== undefined;
}

/** The active environment's interpreter for `resource`, or undefined. */
export async function activeInterpreter(resource?: Uri): Promise<string | undefined> {
    if (!pythonExtensionInstalled()) {
        return undefined;
    }
    const api = await PythonExtension.api();
    const environment = await api.environments.resolveEnvironment(
        api.environments.getActiveEnvironmentPath(resource),
    );
    return environment?.executable.uri?.fsPath;
}

/** Calls `listener` when the active environment changes; nothing without the extension. */
export async function onActiveInterpreterChange(listener: () => void): Promise<Disposable | undefined> {
    if (!pythonExtensionInstalled()) {
        return undefined;
    }
    const api = await PythonExtension.api();
    return api.environments.onDidChangeActiveEnvironmentPath(() => listener());
}
