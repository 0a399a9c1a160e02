// The whole bridge: one `invoke` that forwards a contract method and its JSON argument. Nothing of Node or
// Electron reaches the page; errors come back as values so their `code` survives the IPC boundary.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, ipcChannel, type ApiMethod } from './contract/api';
import { message } from './contract/messages';

const allowed = new Set<string>(API_METHODS);

contextBridge.exposeInMainWorld('proofdeck', {
  invoke(method: ApiMethod, arg: unknown) {
    if (!allowed.has(method)) return Promise.resolve({ ok: false, error: message('api.unknownMethod', { method: String(method) }) });
    return ipcRenderer.invoke(ipcChannel(method), arg);
  },
});
