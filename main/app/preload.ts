// The preload of the app's window. It runs sandboxed, so it is bundled to CommonJS with nothing left
// to load but `electron` (scripts/build.mjs). The page gets window.api and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApiClient } from './preload-api.js';

contextBridge.exposeInMainWorld('api', createApiClient(ipcRenderer, (file) => webUtils.getPathForFile(file as File)));
