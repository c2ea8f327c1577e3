/*
 * Console API client: session cookie + CSRF token (cookie XSRF-TOKEN, echoed in header X-XSRF-TOKEN
 * on every write). Errors are thrown as ApiError carrying the server's Chinese message.
 */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || ApiError.fallbackMessage(status));
    this.status = status;
    this.code = body && body.code;
    this.fieldErrors = (body && body.fieldErrors) || [];
  }

  static FIELD_LABELS = {
    username: '用户名', displayName: '姓名', password: '密码', newPassword: '新密码', currentPassword: '当前密码',
    roles: '角色', enabled: '启用', action: '处置措施', actedOn: '处置日期', note: '备注', text: '补充说明',
    templateId: '退回原因', kind: '导出内容', title: '标题', summary: '摘要', bodyHtml: '正文', audience: '推送对象',
    'audience.operatorIds': '指定运营者编号', 'audience.township': '乡镇', channels: '渠道', operatorIds: '测试接收人', sendAt: '发送时间',
  };

  static fallbackMessage(status) {
    if (status === 0) return '无法连接服务器，请检查网络后重试';
    if (status === 401) return '请先登录';
    if (status === 403) return '无权进行此操作';
    if (status === 404) return '请求的内容不存在';
    if (status >= 500) return '服务器暂时无法处理，请稍后重试（错误 ' + status + '）';
    return '请求失败（错误 ' + status + '）';
  }

  /** The message plus any field errors, one per line. */
  describe() {
    const lines = [this.message];
    for (const fe of this.fieldErrors) {
      if (!fe || !fe.message || fe.message === this.message) continue;
      const label = fe.field ? (ApiError.FIELD_LABELS[fe.field] || fe.field) + '：' : '';
      lines.push('· ' + label + fe.message);
    }
    return lines.join('\n');
  }
}

/** Called with the ApiError whenever the session has ended (401 outside the login call). */
let onUnauthenticated = () => {};

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function ensureCsrf(force) {
  if (!force && readCookie('XSRF-TOKEN')) return;
  await request('GET', '/api/console/auth/csrf', undefined, false);
}

async function request(method, path, body, retryOnCsrf) {
  const headers = { 'Accept': 'application/json' };
  const write = method !== 'GET';
  // a file upload (FormData) goes as multipart, its boundary set by the browser
  const multipart = body instanceof FormData;
  if (write) {
    await ensureCsrf(false);
    headers['X-XSRF-TOKEN'] = readCookie('XSRF-TOKEN') || '';
    if (!multipart) headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: !write ? undefined : multipart ? body : JSON.stringify(body === undefined ? {} : body),
    });
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (response.ok) return data;
  const error = new ApiError(response.status, data);
  if (write && retryOnCsrf && error.code === 'CSRF_INVALID') {
    await ensureCsrf(true);
    return request(method, path, body, false);
  }
  if (error.status === 401 && path !== '/api/console/auth/login' && path !== '/api/console/auth/me') {
    onUnauthenticated(error);
  }
  throw error;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** The calls the pages make; every one throws ApiError on failure. */
export const Api = {
  get: (path, params) => request('GET', path + query(params), undefined, true),
  post: (path, body) => request('POST', path, body, true),
  put: (path, body) => request('PUT', path, body, true),
  del: (path, params) => request('DELETE', path + query(params), undefined, true),
  /** A multipart upload of one file (form field `field`); the answer as with post(). */
  upload: (path, file, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return request('POST', path, form, true);
  },
  ensureCsrf,
  query,
  setUnauthenticatedHandler(handler) {
    onUnauthenticated = handler;
  },
};
