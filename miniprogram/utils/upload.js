// Materials to the bucket: choosing a photo or a PDF (after WeChat's privacy authorisation), the checks
// the server makes before it issues a ticket (JPEG, PNG or PDF; 1 byte to 10 MB, see docs/materials.md),
// done here first so a refused file costs no request, and the storage upload with the storage server's
// refusals (which api.uploadToStorage reports only as "上传失败" with the HTTP status) in Chinese.
const api = require('./api');
const errors = require('./errors');
const privacy = require('./privacy');

/** MATERIAL_MAX_FILE_SIZE: the server refuses a ticket (FILE_TOO_LARGE) and the bucket a file above it. */
const MAX_BYTES = 10 * 1024 * 1024;

/** UploadTickets.ALLOWED_TYPES, by file extension. */
const CONTENT_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

const MESSAGES = {
  TYPE: '仅支持 JPEG、PNG 图片或 PDF 文件',
  EMPTY: '文件是空的，请重新选择',
  PRIVACY: '需要您同意隐私保护指引后才能选择照片或文件',
  STORAGE_REJECTED: '文件未被接收：大小超过 10 MB 或格式不符，请重新选择文件',
  STORAGE_DENIED: '文件类型与所选不一致，请重新选择文件',
  STORAGE_TOO_LARGE: '文件超过大小限制，请压缩或重新选择后上传',
  TICKET_EXPIRED: '上传凭证已过期，请点击重试',
  STORAGE_DOWN: '文件服务暂时不可用，请稍后重试',
};

function tooLargeMessage(maxBytes) {
  return '文件超过 ' + Math.floor(maxBytes / (1024 * 1024)) + ' MB，请压缩或重新选择后上传';
}

function extensionOf(name) {
  const match = /\.([A-Za-z0-9]+)$/.exec(name || '');
  return match ? match[1].toLowerCase() : '';
}

/** A chosen file as the ticket request needs it: {path, name, size, contentType} (contentType null when not allowed). */
function describe(path, name, size) {
  const ext = extensionOf(name) || extensionOf(path);
  return { path, name: name || ('file.' + ext), size: size || 0, contentType: CONTENT_TYPES[ext] || null };
}

/** The Chinese reason this file cannot be uploaded, or null. */
function check(file, maxBytes) {
  const max = maxBytes || MAX_BYTES;
  if (!file.contentType) return MESSAGES.TYPE;
  if (!(file.size > 0)) return MESSAGES.EMPTY;
  if (file.size > max) return tooLargeMessage(max);
  return null;
}

function withPrivacy() {
  return privacy.requireAuthorization().catch(() => {
    throw new errors.ApiError('PRIVACY_DENIED', MESSAGES.PRIVACY, 0);
  });
}

function cancelled(failure) {
  return /cancel/i.test((failure && failure.errMsg) || '');
}

/** A photo from the camera or the album; resolves null when the operator cancels. */
function choosePhoto(baseName) {
  return withPrivacy().then(() => new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
      success: (res) => {
        const chosen = res && res.tempFiles && res.tempFiles[0];
        if (!chosen) {
          resolve(null);
          return;
        }
        const ext = extensionOf(chosen.tempFilePath);
        resolve(describe(chosen.tempFilePath, (baseName || '照片') + (ext ? '.' + ext : ''), chosen.size));
      },
      fail: (failure) => (cancelled(failure) ? resolve(null) : reject(errors.fromFailure(failure))),
    });
  }));
}

/** A PDF from a chat; resolves null when the operator cancels. */
function chooseFile() {
  return withPrivacy().then(() => new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf'],
      success: (res) => {
        const chosen = res && res.tempFiles && res.tempFiles[0];
        resolve(chosen ? describe(chosen.path, chosen.name, chosen.size) : null);
      },
      fail: (failure) => (cancelled(failure) ? resolve(null) : reject(errors.fromFailure(failure))),
    });
  }));
}

/** Whether a ticket has (nearly) run out: uploading with it would be refused by the bucket. */
function expired(ticket, now) {
  if (!ticket || !ticket.expiresAt) return false;
  const end = Date.parse(ticket.expiresAt);
  return !Number.isNaN(end) && end - 30000 <= (now || Date.now());
}

function storageError(code, message, status, retryable) {
  const error = new errors.ApiError(code, message, status);
  error.retryable = retryable;
  return error;
}

/**
 * api.uploadToStorage with the bucket's refusals told apart by its S3 code where it gave one
 * (EntityTooLarge, EntityTooSmall), otherwise by status: 400, 403 (AccessDenied: another content
 * type, or the policy expired).
 */
function toStorage(ticket, filePath, onProgress) {
  return api.uploadToStorage(ticket, filePath, onProgress).catch((error) => {
    if (error.code !== 'UPLOAD_FAILED') throw error;
    if (error.storageCode === 'EntityTooLarge') throw storageError('FILE_TOO_LARGE', MESSAGES.STORAGE_TOO_LARGE, 400, false);
    if (error.storageCode === 'EntityTooSmall') throw storageError('FILE_EMPTY', MESSAGES.EMPTY, 400, false);
    if (error.status === 403 && expired(ticket)) throw storageError('UPLOAD_TICKET_EXPIRED', MESSAGES.TICKET_EXPIRED, 403, true);
    if (error.status === 400) throw storageError('STORAGE_REJECTED', MESSAGES.STORAGE_REJECTED, 400, false);
    if (error.status === 403) throw storageError('STORAGE_DENIED', MESSAGES.STORAGE_DENIED, 403, false);
    throw storageError('STORAGE_UNAVAILABLE', MESSAGES.STORAGE_DOWN, error.status, true);
  });
}

/** A material's content through the API (the operator's token); 404/410 answered in Chinese. */
function downloadContent(filingId, materialId) {
  return api.download('/api/mini/filings/' + filingId + '/materials/' + materialId + '/content').catch((error) => {
    if (error.status === 410) throw new errors.ApiError('MATERIAL_PURGED', '该材料已按保存期限删除', 410);
    if (error.status === 404) throw new errors.ApiError('MATERIAL_NOT_FOUND', '材料不存在', 404);
    throw error;
  });
}

module.exports = {
  MAX_BYTES, CONTENT_TYPES, MESSAGES, describe, check, choosePhoto, chooseFile, expired, toStorage, downloadContent,
  tooLargeMessage,
};
