/** A chosen file as base64 (no data: prefix), the form importPlan takes. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_ACCEPT = '.docx,.pdf,.txt';
