// The `wfcheck` settings: the server's, passed on to it, and the extension's own, which decide
// how the server starts and never reach it.
import * as os from 'os';
import * as path from 'path';
import { ConfigurationScope, WorkspaceConfiguration, workspace } from 'vscode';

export const SECTION = 'wfcheck';

// The server's settings (wfcheck_lsp/configuration.py, SERVER_SETTINGS), with the same names
// and defaults in package.json; tests/editors/test_vscode_package.py keeps the three the same.
// SERVER_SETTINGS_START
export const SERVER_SETTINGS = ['configurationPreference', 'configuration', 'showSyntaxErrors'] as const;
// SERVER_SETTINGS_END

// Settings whose change restarts the server.
export const START_SETTINGS = ['importStrategy', 'interpreter', 'path'] as const;

export type ImportStrategy = 'useBundled' | 'fromEnvironment';

export interface StartSettings {
    importStrategy: ImportStrategy;
    interpreter: string[];
    path: string[];
}

/** The server's part of a `wfcheck` section: what `workspace/configuration` answers. */
export function serverSettings(section: unknown): Record<string, unknown> {
    const value = (section ?? {}) as Record<string, unknown>;
    const settings: Record<string, unknown> = {};
    for (const key of SERVER_SETTINGS) {
        if (value[key] !== undefined) {
            settings[key] = value[key];
        }
    }
    return settings;
}

export function configuration(scope?: ConfigurationScope): WorkspaceConfiguration {
    return workspace.getConfiguration(SECTION, scope);
}

export function startSettings(scope?: ConfigurationScope): StartSettings {
    const config = configuration(scope);
    const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
    return {
        importStrategy: config.get<ImportStrategy>('importStrategy', 'useBundled'),
        interpreter: config.get<string[]>('interpreter', []).map((part) => expand(part, folder)),
        path: config.get<string[]>('path', []).map((part) => expand(part, folder)),
    };
}

/** `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}` in a path setting. */
export function expand(value: string, folder: string | undefined): string {
    let expanded = value
        .replace(/\$\{userHome\}/g, os.homedir())
        .replace(/\$\{env:([^}]+)\}/g, (_, name: string) => process.env[name] ?? '');
    if (folder !== undefined) {
        expanded = expanded.replace(/\$\{workspaceFolder\}/g, folder);
    }
    if (expanded === '~' || expanded.startsWith('~/')) {
        expanded = path.join(os.homedir(), expanded.slice(1));
    }
    return expanded;
}
