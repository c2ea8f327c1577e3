const api = require('../utils/api');
const session = require('../utils/session');

function tokens(n) {
  return { statusCode: 200, data: { accessToken: 'access-' + n, refreshToken: 'refresh-' + n, operatorId: 7 } };
}

describe('the API client', () => {
  test('logs in with wx.login first and sends the bearer token', async () => {
    wx.__server.on('POST', '/api/mini/auth/login', () => tokens(1))
      .on('GET', '/api/mini/filings', (req) => ({ statusCode: 200, data: req.header.Authorization === 'Bearer access-1' ? [{ id: 1 }] : [] }));
    await expect(api.get('/api/mini/filings')).resolves.toEqual([{ id: 1 }]);
    expect(session.read()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(wx.__server.calls.filter((c) => c.method === 'LOGIN')).toHaveLength(1);
  });

  test('on TOKEN_EXPIRED refreshes once for all callers and repeats each request', async () => {
    session.save({ accessToken: 'old', refreshToken: 'refresh-0', operatorId: 7 });
    let refreshes = 0;
    wx.__server.on('POST', '/api/mini/auth/refresh', (req) => {
      refreshes += 1;
      return req.data.refreshToken === 'refresh-0' ? tokens(2) : { statusCode: 401, data: { code: 'REFRESH_TOKEN_INVALID' } };
    }).on('GET', /\/api\/mini\/(inbox|filings)$/, (req) => (req.header.Authorization === 'Bearer access-2'
      ? { statusCode: 200, data: { ok: req.url } }
      : { statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期' } }));
    const [a, b] = await Promise.all([api.get('/api/mini/inbox'), api.get('/api/mini/filings')]);
    expect(a.ok).toMatch(/inbox$/);
    expect(b.ok).toMatch(/filings$/);
    expect(refreshes).toBe(1);
    expect(session.read().accessToken).toBe('access-2');
  });

  test('logs in again when the refresh token no longer works', async () => {
    session.save({ accessToken: 'old', refreshToken: 'dead', operatorId: 7 });
    wx.__server.on('POST', '/api/mini/auth/refresh', () => ({ statusCode: 401, data: { code: 'REFRESH_TOKEN_INVALID', message: '登录已失效' } }))
      .on('POST', '/api/mini/auth/login', () => tokens(3))
      .on('GET', '/api/mini/me', (req) => (req.header.Authorization === 'Bearer access-3'
        ? { statusCode: 200, data: { operatorId: 7 } }
        : { statusCode: 401, data: { code: 'TOKEN_EXPIRED' } }));
    await expect(api.get('/api/mini/me')).resolves.toEqual({ operatorId: 7 });
    expect(session.read().refreshToken).toBe('refresh-3');
  });

  test('turns the server error into a Chinese message with its field errors', async () => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('POST', '/api/mini/filings', () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '请求参数校验失败',
      fieldErrors: [{ field: 'unit.creditCode', message: '统一社会信用代码校验位不正确' }] } }));
    const error = await api.post('/api/mini/filings', {}).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('请求参数校验失败');
    expect(error.fieldErrors[0].field).toBe('unit.creditCode');
    expect(error.retryable).toBe(false);
  });

  test('a network failure or a time-out is a retryable error that reached nobody', async () => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', '/api/mini/office', () => ({ fail: { errMsg: 'request:fail timeout' } }));
    const timeout = await api.get('/api/mini/office', { auth: false }).catch((e) => e);
    expect(timeout).toMatchObject({ code: 'TIMEOUT', message: '服务器响应超时，请稍后重试', retryable: true });
    wx.__server.on('GET', '/api/mini/office', () => ({ fail: { errMsg: 'request:fail' } }));
    const offline = await api.get('/api/mini/office', { auth: false }).catch((e) => e);
    expect(offline).toMatchObject({ code: 'NETWORK', retryable: true });
  });

  test('the base URL follows the environment WeChat reports', () => {
    const env = require('../utils/env');
    wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'release' } });
    expect(env.baseUrl()).toBe(env.BASE_URLS.release);
    wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'trial' } });
    expect(env.baseUrl()).toBe(env.BASE_URLS.trial);
    wx.getAccountInfoSync = () => { throw new Error('not in WeChat'); };
    expect(env.baseUrl()).toBe(env.BASE_URLS.develop);
  });
});

describe('files', () => {
  test('a download refreshes an expired token once and resolves with the file', async () => {
    session.save({ accessToken: 'old', refreshToken: 'refresh-0', operatorId: 7 });
    wx.__server.on('POST', '/api/mini/auth/refresh', () => tokens(4))
      .on('DOWNLOAD', /form\.pdf$/, (req) => (req.header.Authorization === 'Bearer access-4'
        ? { statusCode: 200, tempFilePath: '/tmp/form.pdf' }
        : { statusCode: 401 }));
    await expect(api.download('/api/mini/filings/3/form.pdf')).resolves.toBe('/tmp/form.pdf');
  });

  test('the bucket\'s refusal keeps its S3 code', async () => {
    wx.__server.on('UPLOAD', /bucket/, () => ({ statusCode: 400,
      data: '<?xml version="1.0"?><Error><Code>EntityTooLarge</Code><Message>too large</Message></Error>' }));
    const error = await api.uploadToStorage({ url: 'http://s3/bucket', fields: { key: 'k' } }, '/tmp/a.jpg').catch((e) => e);
    expect(error).toMatchObject({ code: 'UPLOAD_FAILED', status: 400, storageCode: 'EntityTooLarge' });
  });
});
