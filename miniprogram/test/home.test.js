const { loadPage, textOf, settle } = require('./support/page');
const { loggedIn, summary, ok, error } = require('./support/filings');

function navigations() {
  return wx.__server.calls.filter((c) => c.method === 'navigateTo' || c.method === 'switchTab').map((c) => c.options.url);
}

function scriptHome(filings, inbox) {
  wx.__server.on('GET', '/api/mini/me', () => ok({ id: 7, consentRequired: false }))
    .on('GET', '/api/mini/filings', () => ok(filings))
    .on('GET', '/api/mini/inbox', () => inbox || ok({ items: [], total: 5, unread: 2, page: 0, size: 20 }));
}

describe('首页', () => {
  test('shows my accounts with status, due date and overdue flag, and the unread count', async () => {
    loggedIn();
    scriptHome([
      summary(1, '睢县发布', 'DRAFT', '2016-08-10', true),
      summary(2, '睢县文旅', 'APPROVED', '2016-08-10', false, '411422-2026-00042'),
    ]);
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    const text = textOf(page);
    expect(text).toContain('睢县发布');
    expect(text).toContain('草稿');
    expect(text).toContain('截止日期：2016-08-10');
    expect(text).toContain('已逾期');
    expect(text).toContain('已备案');
    expect(text).toContain('411422-2026-00042');
    expect(text).toMatch(/未读消息\s*2/);
    expect(page.data.unread).toBe(2);
  });

  test('the next deadline is the earliest among unfinished filings only', async () => {
    loggedIn();
    scriptHome([
      summary(1, '睢县发布', 'SUBMITTED', '2016-07-01', false),
      summary(2, '睢县文旅', 'REJECTED', '2026-09-30', false),
      summary(3, '睢县教育', 'DRAFT', '2026-08-15', false),
      summary(4, '睢县交通', 'APPROVED', '2016-06-01', false, '411422-2026-00001'),
    ]);
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(page.data.nextDeadline).toMatchObject({ id: 3, name: '睢县教育', dueOn: '2026-08-15' });
    expect(textOf(page)).toContain('睢县教育：2026-08-15 前完成备案');
  });

  test('no filings: an invitation to 自查 and 新建备案, no deadline', async () => {
    loggedIn();
    scriptHome([]);
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(textOf(page)).toContain('还没有备案');
    expect(textOf(page)).not.toContain('最近截止');
  });

  test('CONSENT_REQUIRED from the API opens the login page', async () => {
    loggedIn();
    scriptHome([]);
    wx.__server.on('GET', '/api/mini/filings', () => error(403, 'CONSENT_REQUIRED', '请先阅读并同意最新版隐私政策'));
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(navigations()).toContain('/pages/login/login');
    expect(textOf(page)).not.toContain('请先阅读');
  });

  test('consent missing according to /me, or no session at all: the login page first', async () => {
    loggedIn();
    scriptHome([summary(1, '睢县发布', 'DRAFT', '2016-08-10', true)]);
    wx.__server.on('GET', '/api/mini/me', () => ok({ id: 7, consentRequired: true }));
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(navigations()).toEqual(['/pages/login/login']);

    global.wx = require('./support/wx').createWx();
    const fresh = loadPage('home/home');
    fresh.onShow();
    await settle();
    expect(navigations()).toEqual(['/pages/login/login']);
    expect(wx.__server.calls.filter((c) => c.method === 'GET')).toHaveLength(0);
  });

  test('the entries lead to 自查, 新建备案, 联系我们 and a filing', async () => {
    loggedIn();
    scriptHome([summary(9, '睢县发布', 'DRAFT', '2016-08-10', true)]);
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(textOf(page)).toMatch(/自查.*新建备案.*联系我们/);
    page.selfCheck();
    page.newFiling();
    page.contact();
    page.open({ currentTarget: { dataset: { id: 9 } } });
    expect(navigations()).toEqual(['/pages/self-check/self-check', '/pages/form/form', '/pages/office/office', '/pages/filing/filing?id=9']);
  });

  test('a failing network offers 重试', async () => {
    loggedIn();
    scriptHome([]);
    wx.__server.on('GET', '/api/mini/filings', () => ({ fail: { errMsg: 'request:fail' } }));
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    expect(textOf(page)).toContain('网络连接失败');
    expect(textOf(page)).toContain('重试');
  });
});
