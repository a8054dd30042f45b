/**
 * Workspace trust, the vscode-free part: what the client tells the server. In an untrusted workspace (VS Code's
 * Restricted Mode) the server reads config, glossary and bibliography files only from inside the workspace
 * folders; the client says whether the workspace is trusted in `initializationOptions.workspaceTrusted` (read
 * again at every (re)start), and sends `policyLint/workspaceTrust` when the user grants trust.
 * The names match server/src/server/workspaceFiles.ts (a unit test checks it).
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'policyLint/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** The server's initialization options for a workspace that is (or is not) trusted. */
export function trustInitializationOptions(isTrusted: boolean): { workspaceTrusted: boolean } {
  return { workspaceTrusted: isTrusted };
}
