// Starts `plainly lsp` for Markdown files. Settings under "plainly" are
// sent to the server when they change (and pulled when it asks).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('plainly');
  const command = config.get('path') || 'plainly';
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ language: 'markdown' }],
    synchronize: {
      configurationSection: 'plainly',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{plainly.toml,.plainly.toml}'),
    },
    initializationOptions: {
      audience: config.get('audience'),
      rules: config.get('rules'),
    },
  };
  client = new LanguageClient('plainly', 'plainly', serverOptions, clientOptions);
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
