// One place that turns the server's error codes (and network failures) into what the operator reads.
// The server already answers a Chinese message; these are for codes whose wording in the app is better
// with a hint of what to do, and for failures that never reached the server.
const MESSAGES = {
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '服务器响应超时，请稍后重试',
  SERVER: '服务器开小差了，请稍后重试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，正在重新登录',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  CONSENT_REQUIRED: '请先阅读并同意隐私保护指引',
  CONSENT_VERSION_OUTDATED: '隐私保护指引已更新，请重新阅读并同意',
  DATABASE_BUSY: '当前办理人数较多，请稍后再试',
  STORAGE_UNAVAILABLE: '文件服务暂时不可用，请稍后重试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后重试',
  VERSION_CONFLICT: '备案已在别处修改，请刷新后再改',
  FILING_NOT_FOUND: '备案不存在',
};

/** Errors worth a 重试 button: nothing was decided, trying again may work. */
const RETRYABLE = new Set(['NETWORK', 'TIMEOUT', 'SERVER', 'DATABASE_BUSY', 'STORAGE_UNAVAILABLE', 'WECHAT_UNAVAILABLE',
  'SESSION_STORE_UNAVAILABLE']);

class ApiError extends Error {
  constructor(code, message, status, fieldErrors) {
    super(message);
    this.code = code;
    this.status = status || 0;
    this.fieldErrors = fieldErrors || [];
    this.retryable = RETRYABLE.has(code);
  }
}

function messageFor(code, serverMessage) {
  return MESSAGES[code] || serverMessage || MESSAGES.SERVER;
}

/** The error of an answer: the server's {code, message, fieldErrors}, or a made-up one for bare failures. */
function fromResponse(statusCode, data) {
  if (data && typeof data === 'object' && data.code) {
    return new ApiError(data.code, messageFor(data.code, data.message), statusCode, data.fieldErrors);
  }
  return new ApiError('SERVER', MESSAGES.SERVER, statusCode);
}

function fromFailure(failure) {
  const text = (failure && failure.errMsg) || '';
  const code = /timeout/i.test(text) ? 'TIMEOUT' : 'NETWORK';
  return new ApiError(code, MESSAGES[code], 0);
}

/** Field errors by field path ("account.name" → "请填写公众号名称"), for showing them at their field. */
function fieldMessages(error) {
  const byField = {};
  (error.fieldErrors || []).forEach((e) => {
    if (e && e.field && !byField[e.field]) byField[e.field] = e.message;
  });
  return byField;
}

module.exports = { ApiError, MESSAGES, RETRYABLE, messageFor, fromResponse, fromFailure, fieldMessages };
