// The one API client. Every request of the mini-program goes through here: bearer token, one refresh on
// TOKEN_EXPIRED (concurrent callers share it), a fresh wx.login when the refresh token is gone, Chinese
// errors from utils/errors.js. The list ENDPOINTS is every request the client can make; the contract test
// checks each against the server's OpenAPI document.
const env = require('./env');
const session = require('./session');
const errors = require('./errors');

const TIMEOUT_MS = 15000;

/** Every method + path this client calls (paths as in the OpenAPI document). */
const ENDPOINTS = [
  ['POST', '/api/mini/auth/login'],
  ['POST', '/api/mini/auth/refresh'],
  ['POST', '/api/mini/auth/logout'],
  ['GET', '/api/mini/privacy-notice'],
  ['POST', '/api/mini/me/consents'],
  ['GET', '/api/mini/me'],
  ['POST', '/api/mini/me/phone'],
  ['POST', '/api/mini/self-check'],
  ['GET', '/api/mini/filings'],
  ['POST', '/api/mini/filings'],
  ['GET', '/api/mini/filings/{id}'],
  ['PUT', '/api/mini/filings/{id}'],
  ['POST', '/api/mini/filings/{id}/submit'],
  ['POST', '/api/mini/filings/{id}/change-request'],
  ['POST', '/api/mini/filings/{id}/revoke'],
  ['GET', '/api/mini/filings/{id}/notices'],
  ['GET', '/api/mini/filings/{filingId}/materials'],
  ['POST', '/api/mini/filings/{filingId}/materials/uploads'],
  ['POST', '/api/mini/filings/{filingId}/materials/uploads/{ticketId}/confirm'],
  ['GET', '/api/mini/filings/{filingId}/materials/{materialId}/content'],
  ['GET', '/api/mini/filings/{filingId}/materials/{materialId}/check'],
  ['GET', '/api/mini/filings/{filingId}/form.pdf'],
  ['GET', '/api/mini/forms/{formType}/blank.pdf'],
  ['GET', '/api/mini/inbox'],
  ['GET', '/api/mini/inbox/{id}'],
  ['GET', '/api/mini/inbox/{id}/attachments/{attachmentId}'],
  ['GET', '/api/mini/subscriptions/templates'],
  ['POST', '/api/mini/subscriptions'],
  ['GET', '/api/mini/office'],
  ['GET', '/api/regions/counties'],
];

let refreshing = null;

function url(path) {
  return env.baseUrl() + path;
}

function rawRequest(method, path, data, token) {
  return new Promise((resolve, reject) => {
    const header = { 'Content-Type': 'application/json' };
    if (token) header.Authorization = 'Bearer ' + token;
    wx.request({
      url: url(path),
      method,
      data,
      header,
      timeout: TIMEOUT_MS,
      success: (res) => resolve(res),
      fail: (failure) => reject(errors.fromFailure(failure)),
    });
  });
}

/** A new session from wx.login (the server creates the operator on first login). */
function login() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => resolve(res.code),
      fail: (failure) => reject(errors.fromFailure(failure)),
    });
  }).then((code) => rawRequest('POST', '/api/mini/auth/login', { code }))
    .then((res) => {
      if (res.statusCode !== 200) throw errors.fromResponse(res.statusCode, res.data);
      return session.save(res.data);
    });
}

/** One refresh at a time: callers that fail together wait for the same new token. */
function refresh() {
  if (!refreshing) {
    const current = session.read();
    const attempt = current && current.refreshToken
      ? rawRequest('POST', '/api/mini/auth/refresh', { refreshToken: current.refreshToken }).then((res) => {
        if (res.statusCode !== 200) throw errors.fromResponse(res.statusCode, res.data);
        return session.save(res.data);
      })
      : Promise.reject(new errors.ApiError('REFRESH_TOKEN_INVALID', errors.MESSAGES.REFRESH_TOKEN_INVALID, 401));
    // a refresh token that no longer works: log in again with WeChat
    refreshing = attempt.catch(() => login()).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** The access token, logging in first when there is none. */
function ensureSession() {
  const current = session.read();
  return current && current.accessToken ? Promise.resolve(current) : login();
}

/**
 * A JSON request. Resolves with the answer's body; rejects with an errors.ApiError (code, Chinese
 * message, fieldErrors, retryable). {auth: false} for the calls that need no login.
 */
function request(method, path, data, options) {
  const auth = !options || options.auth !== false;
  const send = (token) => rawRequest(method, path, data, token);
  const start = auth ? ensureSession().then((s) => send(s.accessToken)) : send(null);
  return start.then((res) => {
    if (auth && res.statusCode === 401 && res.data && (res.data.code === 'TOKEN_EXPIRED' || res.data.code === 'UNAUTHENTICATED')) {
      return (res.data.code === 'TOKEN_EXPIRED' ? refresh() : login()).then((s) => send(s.accessToken));
    }
    return res;
  }).then((res) => {
    if (res.statusCode >= 200 && res.statusCode < 300) return res.data;
    throw errors.fromResponse(res.statusCode, res.data);
  });
}

function rawDownload(path, token) {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url: url(path),
      header: { Authorization: 'Bearer ' + token },
      timeout: 60000,
      success: (res) => resolve(res),
      fail: (failure) => reject(errors.fromFailure(failure)),
    });
  });
}

/**
 * A file from the API (the printable form, a material): downloaded with the token (refreshed once on
 * 401, like request), resolves with the temporary file's path.
 */
function download(path) {
  return ensureSession().then((s) => rawDownload(path, s.accessToken))
    .then((res) => (res.statusCode === 401 ? refresh().then((s) => rawDownload(path, s.accessToken)) : res))
    .then((res) => {
      if (res.statusCode === 200) return res.tempFilePath;
      throw errors.fromResponse(res.statusCode, null);
    });
}

/**
 * A file straight to the bucket through a presigned POST (no token: the policy is the permission).
 * onProgress(percent) follows the upload.
 */
function uploadToStorage(ticket, filePath, onProgress) {
  return new Promise((resolve, reject) => {
    const task = wx.uploadFile({
      url: ticket.url,
      filePath,
      name: 'file',
      formData: ticket.fields,
      timeout: 120000,
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve(res);
          return;
        }
        const error = new errors.ApiError('UPLOAD_FAILED', '上传失败，请重试', res.statusCode);
        // the bucket answers S3's XML error: <Code>EntityTooLarge</Code>, AccessDenied …
        const code = typeof res.data === 'string' && res.data.match(/<Code>([^<]+)<\/Code>/);
        error.storageCode = code ? code[1] : null;
        reject(error);
      },
      fail: (failure) => reject(errors.fromFailure(failure)),
    });
    if (task && onProgress) task.onProgressUpdate((p) => onProgress(p.progress));
  });
}

const api = {
  ENDPOINTS,
  login,
  request,
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body || {}, options),
  put: (path, body, options) => request('PUT', path, body || {}, options),
  download,
  uploadToStorage,
  logout: () => request('POST', '/api/mini/auth/logout').catch(() => null).then(() => session.clear()),
};

module.exports = api;
