export { DownloadButton, type DownloadButtonProps } from './components/download-button';
export { exportHref, fetchDownload, saveBlob, DownloadError } from './utils/download';
