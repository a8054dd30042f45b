// Wiring only: a connection (stdio with --stdio, Node IPC when started by the VS Code client) and a session.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PolicyLintSession } from './session';

new PolicyLintSession(createConnection(ProposedFeatures.all)).listen();
