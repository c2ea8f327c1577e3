const fs = require('fs');
const path = require('path');
const session = require('../utils/session');
const { loadPage, textOf, settle } = require('./support/page');

// the page and this test share one utils/privacy (the page is loaded in a module sandbox of its own)
const privacy = require('../utils/privacy');

jest.doMock('../utils/privacy', () => privacy);

const NOTICE = { version: '2026-1', title: '隐私保护指引', content: '我们收集您的姓名、手机号、身份证号码……' };

function tokens() {
  return { statusCode: 200, data: { accessToken: 'access-1', refreshToken: 'refresh-1', operatorId: 7, consentRequired: true } };
}

function me(overrides) {
  return { statusCode: 200, data: Object.assign({ id: 7, phone: null, phoneBound: false, consentRequired: true, currentPrivacyNoticeVersion: '2026-1' }, overrides) };
}

function server(overrides) {
  const o = overrides || {};
  wx.__server.on('POST', '/api/mini/auth/login', () => tokens())
    .on('GET', '/api/mini/me', () => me(o.me))
    .on('GET', '/api/mini/privacy-notice', () => ({ statusCode: 200, data: o.notice || NOTICE }));
  return wx.__server;
}

function called(name) {
  return wx.__server.calls.filter((c) => c.method === name);
}

function posted(pathEnd) {
  return wx.__server.calls.filter((c) => c.method === 'POST' && c.url.endsWith(pathEnd));
}

async function openNotice(query) {
  const page = loadPage('login/login');
  page.onLoad(query || {});
  await settle();
  return page;
}

function tick(page, ...values) {
  page.onConsentChange({ detail: { value: values } });
}

describe('登录', () => {
  test('logs in with WeChat, keeps the tokens and shows our privacy notice with the two consents', async () => {
    server();
    const page = await openNotice();
    expect(called('LOGIN')).toHaveLength(1);
    expect(session.read()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', operatorId: 7 });
    const text = textOf(page);
    expect(text).toContain('隐私保护指引');
    expect(text).toContain('版本 2026-1');
    expect(text).toContain('我们收集您的姓名');
    expect(text).toContain('同意处理我的个人信息');
    expect(text).toContain('单独同意处理敏感个人信息：身份证号码、身份证影像');
    expect(text).toContain('同意并继续');
  });

  test('同意并继续 posts both consents for the version read, then goes to 首页', async () => {
    server({ me: { phoneBound: true } });
    wx.__server.on('POST', '/api/mini/me/consents', (req) => (req.header.Authorization === 'Bearer access-1'
      ? { statusCode: 201, data: me({ consentRequired: false, phoneBound: true }).data }
      : { statusCode: 401, data: { code: 'UNAUTHENTICATED' } }));
    const page = await openNotice();
    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    expect(posted('/api/mini/me/consents').map((c) => c.data)).toEqual([{ version: '2026-1', personalInfo: true, sensitiveInfo: true }]);
    expect(called('switchTab').map((c) => c.options.url)).toEqual(['/pages/home/home']);
  });

  test('without the separate consent for sensitive information nothing is posted and the page says why', async () => {
    server();
    const page = await openNotice();
    tick(page, 'personalInfo');
    await page.agree();
    expect(posted('/api/mini/me/consents')).toHaveLength(0);
    expect(textOf(page)).toContain('单独同意处理敏感个人信息（身份证号码、身份证影像），方可办理登记备案');
    expect(called('switchTab')).toHaveLength(0);
  });

  test('CONSENT_INCOMPLETE from the server is shown in Chinese', async () => {
    server();
    wx.__server.on('POST', '/api/mini/me/consents', () => ({ statusCode: 400, data: { code: 'CONSENT_INCOMPLETE', message: 'x' } }));
    const page = await openNotice();
    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    expect(textOf(page)).toContain('请同时勾选同意处理个人信息');
    expect(page.data.submitting).toBe(false);
  });

  test('CONSENT_VERSION_OUTDATED shows the new notice and asks again; the next consent names the new version', async () => {
    server();
    const page = await openNotice();
    wx.__server.on('GET', '/api/mini/privacy-notice', () => ({ statusCode: 200, data: { version: '2026-2', title: '隐私保护指引（修订）', content: '新增：……' } }))
      .on('POST', '/api/mini/me/consents', (req) => (req.data.version === '2026-2'
        ? { statusCode: 201, data: me({ consentRequired: false, phoneBound: true }).data }
        : { statusCode: 409, data: { code: 'CONSENT_VERSION_OUTDATED', message: '隐私政策已更新' } }));
    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    const text = textOf(page);
    expect(text).toContain('隐私保护指引已更新，请阅读新版本后重新勾选同意');
    expect(text).toContain('版本 2026-2');
    expect(page.data).toMatchObject({ personalInfo: false, sensitiveInfo: false, submitting: false });
    expect(called('switchTab')).toHaveLength(0);

    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    expect(posted('/api/mini/me/consents').map((c) => c.data.version)).toEqual(['2026-1', '2026-2']);
    expect(called('switchTab')).toHaveLength(1);
  });

  test('opened with ?back=1 it returns to the page that sent the operator here', async () => {
    server({ me: { phoneBound: true } });
    wx.__server.on('POST', '/api/mini/me/consents', () => ({ statusCode: 201, data: me({ consentRequired: false, phoneBound: true }).data }));
    const page = await openNotice({ back: '1' });
    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    expect(called('navigateBack')).toHaveLength(1);
    expect(called('switchTab')).toHaveLength(0);
  });

  test('an operator who already accepted the current notice and bound a phone goes straight on', async () => {
    server({ me: { consentRequired: false, phoneBound: true, phone: '139****5678' } });
    await openNotice();
    expect(wx.__server.calls.filter((c) => c.url && c.url.endsWith('/api/mini/privacy-notice'))).toHaveLength(0);
    expect(called('switchTab').map((c) => c.options.url)).toEqual(['/pages/home/home']);
  });

  test('after consent the phone number may be bound with getPhoneNumber\'s code', async () => {
    server();
    wx.__server.on('POST', '/api/mini/me/consents', () => ({ statusCode: 201, data: me({ consentRequired: false }).data }))
      .on('POST', '/api/mini/me/phone', () => ({ statusCode: 200, data: me({ consentRequired: false, phoneBound: true, phone: '139****5678' }).data }));
    const page = await openNotice();
    tick(page, 'personalInfo', 'sensitiveInfo');
    await page.agree();
    expect(textOf(page)).toContain('绑定手机号（可选）');
    expect(called('switchTab')).toHaveLength(0);
    await page.onPhoneNumber({ detail: { code: 'phone-13912345678' } });
    expect(posted('/api/mini/me/phone').map((c) => c.data)).toEqual([{ code: 'phone-13912345678' }]);
    expect(called('switchTab')).toHaveLength(1);
  });

  test('a refused or expired phone authorisation is explained, and 暂不绑定 goes on without it', async () => {
    server({ me: { consentRequired: false } });
    wx.__server.on('POST', '/api/mini/me/phone', () => ({ statusCode: 400, data: { code: 'PHONE_CODE_INVALID', message: 'x' } }));
    const page = await openNotice();
    expect(page.data.step).toBe('phone');
    await page.onPhoneNumber({ detail: { errMsg: 'getPhoneNumber:fail user deny' } });
    expect(textOf(page)).toContain('未获得手机号授权');
    expect(posted('/api/mini/me/phone')).toHaveLength(0);
    await page.onPhoneNumber({ detail: { code: 'old' } });
    expect(textOf(page)).toContain('手机号授权已失效，请重新授权');
    page.skipPhone();
    expect(called('switchTab')).toHaveLength(1);
  });

  test('a failed login offers 重试, which logs in again', async () => {
    wx.__server.on('POST', '/api/mini/auth/login', () => ({ fail: { errMsg: 'request:fail' } }));
    const page = await openNotice();
    expect(textOf(page)).toContain('网络连接失败');
    expect(textOf(page)).toContain('重试');
    server();
    await page.retry();
    expect(textOf(page)).toContain('同意并继续');
  });
});

describe('WeChat\'s privacy authorisation dialog', () => {
  function needAuthorization() {
    let ask = null;
    wx.onNeedPrivacyAuthorization = (listener) => {
      ask = listener;
    };
    privacy.listen();
    const resolve = jest.fn();
    return { trigger: () => ask(resolve), resolve };
  }

  test('WeChat\'s question shows the dialog; 同意 answers agree with the button agree-privacy', async () => {
    server();
    const wechat = needAuthorization();
    const page = await openNotice();
    expect(textOf(page)).not.toContain('用户隐私保护提示');
    wechat.trigger();
    expect(textOf(page)).toContain('用户隐私保护提示');
    expect(textOf(page)).toContain('《小程序隐私保护指引》');
    page.agreePrivacy();
    expect(wechat.resolve).toHaveBeenCalledWith({ buttonId: 'agree-privacy', event: 'agree' });
    expect(textOf(page)).not.toContain('用户隐私保护提示');
  });

  test('拒绝 answers disagree', async () => {
    server();
    const wechat = needAuthorization();
    const page = await openNotice();
    wechat.trigger();
    page.disagreePrivacy();
    expect(wechat.resolve).toHaveBeenCalledWith({ buttonId: undefined, event: 'disagree' });
    expect(page.data.privacyDialog).toBe(false);
  });

  test('once the page is gone WeChat\'s question is declined rather than left waiting', async () => {
    server();
    const wechat = needAuthorization();
    const page = await openNotice();
    page.onUnload();
    wechat.trigger();
    expect(wechat.resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  test('the 同意 button is WeChat\'s agreePrivacyAuthorization button with id agree-privacy', () => {
    const wxml = fs.readFileSync(path.join(__dirname, '..', 'pages', 'login', 'login.wxml'), 'utf8');
    const agree = wxml.match(/<button[^>]*id="agree-privacy"[^>]*>/);
    expect(agree).not.toBeNull();
    expect(agree[0]).toContain('open-type="agreePrivacyAuthorization"');
    expect(agree[0]).toContain('bindagreeprivacyauthorization="agreePrivacy"');
    expect(wxml).toMatch(/<button[^>]*bindtap="disagreePrivacy"[^>]*>拒绝<\/button>/);
    expect(wxml).toMatch(/<button[^>]*open-type="getPhoneNumber"[^>]*bindgetphonenumber="onPhoneNumber"/);
  });
});
