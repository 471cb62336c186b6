// What other modules may use from the file feature.
export { FileModule } from './file.module.js';
export { FileService } from './file.service.js';
export { FileLoader } from './file.loader.js';
export { StoredFileModel } from './dto/stored-file.model.js';
