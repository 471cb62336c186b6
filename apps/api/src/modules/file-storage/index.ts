// What other modules may use from the file storage.
export { FileStorageModule } from './file-storage.module.js';
export {
  FILE_STORAGE,
  type FileStorage,
  type StoredFileMeta,
  type StoredFileRecord,
  type StoredFileRow,
} from './file-storage.js';
