import { createRequire } from 'node:module';
import type * as Docx from 'docx';
import type * as ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type * as Nodemailer from 'nodemailer';
import type * as PinyinPro from 'pinyin-pro';
import type * as QRCode from 'qrcode';

// Libraries that cost a lot of CPU to import (exceljs alone ~0.3 s, the five ~0.5 s: a fifth of the
// API's whole import) but serve only downloads, imports, 2FA enrolment and e-mail. Loaded on first
// use, so a start-up (production, a CLI run, each integration test file) does not pay for them.
// Synchronous (require: each ships CommonJS) so the functions using them keep their signatures.
// Every value import of these packages goes through here; type imports stay where they are.
const load = createRequire(import.meta.url);

export const excelJs = (): typeof ExcelJS => load('exceljs') as typeof ExcelJS;
export const docx = (): typeof Docx => load('docx') as typeof Docx;
export const jsZip = (): typeof JSZip => load('jszip') as typeof JSZip;
export const qrCode = (): typeof QRCode => load('qrcode') as typeof QRCode;
export const pinyinPro = (): typeof PinyinPro => load('pinyin-pro') as typeof PinyinPro;
export const nodemailer = (): typeof Nodemailer => load('nodemailer') as typeof Nodemailer;

export const newWorkbook = (): ExcelJS.Workbook => new (excelJs().Workbook)();
