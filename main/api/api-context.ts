// What every area's handlers share: the services over the one open store, who acts, the transport,
// the data folder and the event fan-out. Built once by openAppApi.
import type { AppInfo } from '../../shared/api.js';
import type { Repositories } from '../store/repositories.js';
import type { ExportService } from '../workflow/export-service.js';
import type { ReviewService } from '../workflow/review-service.js';
import type { Emit } from './event-hub.js';
import type { ImportRunner } from './import-runner.js';

export interface NativeDialogs {
  chooseFiles(): Promise<string[]>;
  chooseFolder(): Promise<string | null>;
}

export interface ApiContext {
  user: string;
  transport: AppInfo['transport'];
  version: string;
  /** The folder that holds the database: the kept files, backups and default exports live under it. */
  dataFolder: string;
  clock: () => Date;
  repos: Repositories;
  review: ReviewService;
  imports: ImportRunner;
  exports: ExportService;
  dialogs: NativeDialogs | undefined;
  /** Folders the native dialog returned this session: exports may go there. */
  chosenFolders: Set<string>;
  emit: Emit;
  /** Queues the display copies of a filing's page images (made in the background). */
  displayImages(filingId: number): void;
  /** Runs work once the answer in hand is on its way (main/api/after-answer.ts). */
  afterAnswer(work: () => void): void;
}
