// The wfcheck extension: starts wfcheck's language server for Python files and adds the
// commands "wfcheck: Restart Server", "wfcheck: Show Output" and "wfcheck: Fix all
// auto-fixable problems". Diagnostics, quick fixes, `source.fixAll.wfcheck` and hover come
// from the server through vscode-languageclient.
import * as os from 'os';
import {
    CodeAction,
    CodeActionKind,
    ExtensionContext,
    LogOutputChannel,
    Range,
    commands,
    window,
    workspace,
} from 'vscode';
import {
    CloseAction,
    DidChangeConfigurationNotification,
    ErrorAction,
    ErrorHandler,
    LanguageClient,
    LanguageClientOptions,
    ResponseError,
    RevealOutputChannelOn,
    ServerOptions,
    State,
    TransportKind,
} from 'vscode-languageclient/node';
import { LaunchError, resolveLaunch } from './launch';
import { onActiveInterpreterChange } from './python';
import {
    SECTION,
    SERVER_SETTINGS,
    START_SETTINGS,
    configuration,
    serverSettings,
    startSettings,
} from './settings';

const NAME = 'wfcheck';
// What vscode-languageclient logs as an error whenever the server exits, a normal stop too.
const CLEAN_EXIT = 'Server process exited with code 0.';
const FIX_ALL = CodeActionKind.SourceFixAll.append('wfcheck');

/** The language client, with two changes to what vscode-languageclient shows: until the
 * server has started, its failures are logged but not notified (`start` below notifies once,
 * with what to do), and a server that stops cleanly (a restart, a change of interpreter) is
 * logged as information, not as an error. */
class WfcheckClient extends LanguageClient {
    running = false;

    override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
        if (message === CLEAN_EXIT) {
            this.info(message, data, false);
        } else {
            super.error(message, data, this.running ? showNotification : false);
        }
    }
}

let client: LanguageClient | undefined;
let output: LogOutputChannel;
// Starts and stops one after another: a restart asked for during a start waits for it.
let queue: Promise<void> = Promise.resolve();

export async function activate(context: ExtensionContext): Promise<void> {
    output = window.createOutputChannel(NAME, { log: true });
    const restart = (): Promise<void> => enqueue(() => start(context));
    context.subscriptions.push(
        output,
        commands.registerCommand('wfcheck.restart', restart),
        commands.registerCommand('wfcheck.showOutput', () => output.show()),
        commands.registerCommand('wfcheck.fixAll', fixAll),
        workspace.onDidChangeConfiguration((event) => {
            const affects = (names: readonly string[]): boolean =>
                names.some((name) => event.affectsConfiguration(`${SECTION}.${name}`));
            if (affects(START_SETTINGS)) {
                void restart();
            } else if (affects(SERVER_SETTINGS)) {
                void enqueue(settingsChanged);
            }
            // `trace.server`: vscode-languageclient follows it by itself.
        }),
    );
    try {
        const watcher = await onActiveInterpreterChange(() => {
            if (configuration().get<string[]>('interpreter', []).length === 0) {
                void restart();
            }
        });
        if (watcher !== undefined) {
            context.subscriptions.push(watcher);
        }
    } catch (error) {
        output.warn(`the Python extension's environments are not available: ${String(error)}`);
    }
    await restart();
}

/** Runs `task` after the ones before it; a task that fails is logged, and the next ones
 * still run. */
function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task).catch((error: unknown) => {
        output.error(`unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    return queue;
}

export async function deactivate(): Promise<void> {
    await queue;
    await stop();
}

async function stop(): Promise<void> {
    const running = client;
    client = undefined;
    // A client whose server did not start, or stopped for good, has nothing left to stop.
    if (running === undefined || running.state === State.Stopped) {
        return;
    }
    try {
        await running.dispose();
    } catch (error) {
        output.warn(`stopping the server: ${String(error)}`);
    }
}

async function start(context: ExtensionContext): Promise<void> {
    await stop();
    const folder = workspace.workspaceFolders?.[0];
    let launch;
    try {
        launch = await resolveLaunch(startSettings(folder?.uri), context.extensionPath, folder?.uri);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        output.error(`the server cannot start: ${message}`);
        if (error instanceof LaunchError) {
            output.error(error.details);
        }
        notify(`wfcheck: ${message}`);
        return;
    }
    output.info(`starting the server: ${launch.description}`);
    output.info(`command: ${[launch.command, ...launch.args, '--stdio'].join(' ')}`);
    const serverOptions: ServerOptions = {
        command: launch.command,
        args: launch.args,
        transport: TransportKind.stdio,
        options: { cwd: folder?.uri.fsPath ?? os.homedir(), env: process.env },
    };
    // Until the server has started, a failure is reported once, by the end of this function,
    // and the server is not started again; after, vscode-languageclient's handling (restart a
    // server that crashes, up to 4 times in 3 minutes).
    let started: WfcheckClient | undefined;
    let afterStart: ErrorHandler | undefined;
    const errorHandler: ErrorHandler = {
        error: (error, message, count) =>
            started?.running && afterStart !== undefined
                ? afterStart.error(error, message, count)
                : { action: ErrorAction.Continue, handled: true },
        closed: () =>
            started?.running && afterStart !== undefined
                ? afterStart.closed()
                : {
                      action: CloseAction.DoNotRestart,
                      handled: true,
                      message: 'the server exited while starting',
                  },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'python' },
            { scheme: 'untitled', language: 'python' },
        ],
        outputChannel: output,
        traceOutputChannel: output,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        errorHandler,
        initializationFailedHandler: () => false,
        initializationOptions: { settings: serverSettings(configuration(folder?.uri)) },
        // No `synchronize.configurationSection`: it would send the whole section, the
        // extension's settings too, and race with a restart. `settingsChanged` tells the server.
        middleware: {
            workspace: {
                // Only the server's settings: `importStrategy`, `interpreter`, `path` and
                // `trace` are the extension's.
                configuration: async (params, token, next) => {
                    const answer = await next(params, token);
                    if (answer instanceof ResponseError) {
                        return answer;
                    }
                    return answer.map((value: unknown, index: number) =>
                        params.items[index]?.section === SECTION ? serverSettings(value) : value,
                    );
                },
            },
        },
    };
    started = new WfcheckClient(SECTION, NAME, serverOptions, clientOptions);
    afterStart = started.createDefaultErrorHandler();
    client = started;
    let failure: unknown;
    try {
        await started.start();
    } catch (error) {
        failure = error;
    }
    // start() can resolve for a server that exited while starting: the state says.
    if (failure === undefined && started.state === State.Running) {
        started.running = true;
        output.info('the server is running');
        return;
    }
    await stop();
    output.error(`the server stopped while starting${failure === undefined ? '' : `: ${String(failure)}`}`);
    notify(
        'wfcheck: the language server stopped while starting. Reinstall it with ' +
            '`pip install wfcheck`; the output has the details.',
    );
}

/** A change of the server's settings: the server reads them again (`workspace/configuration`,
 * answered by the middleware above; the notification carries them too, for completeness). */
async function settingsChanged(): Promise<void> {
    const running = client;
    if (running === undefined || !running.isRunning()) {
        return;
    }
    const folder = workspace.workspaceFolders?.[0];
    try {
        await running.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: serverSettings(configuration(folder?.uri)) },
        });
    } catch (error) {
        output.warn(`telling the server that its settings changed: ${String(error)}`);
    }
}

/** An error notification with a "Show Output" button; not awaited, so that a restart asked
 * for while it is shown is not held up by it. */
function notify(message: string): void {
    void window.showErrorMessage(message, 'Show Output').then((choice) => {
        if (choice === 'Show Output') {
            output.show();
        }
    });
}

/** "wfcheck: Fix all auto-fixable problems": the safe fixes of the active file. */
async function fixAll(): Promise<void> {
    const editor = window.activeTextEditor;
    if (editor === undefined || client === undefined) {
        return;
    }
    const document = editor.document;
    const whole = new Range(0, 0, document.lineCount, 0);
    const actions =
        (await commands.executeCommand<CodeAction[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            whole,
            FIX_ALL.value,
            1,
        )) ?? [];
    const action = actions.find((candidate) => candidate.kind?.value === FIX_ALL.value);
    if (action?.edit === undefined) {
        void window.showInformationMessage('wfcheck: nothing to fix');
        return;
    }
    await workspace.applyEdit(action.edit);
}
