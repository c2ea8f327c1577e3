const { loadPage, textOf, render, settle } = require('./support/page');
const { loggedIn, summary, ok, error } = require('./support/filings');

describe('我的账号', () => {
  test('lists my filings with a status badge each', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings', () => ok([
      summary(1, '睢县发布', 'DRAFT', '2016-08-10', true),
      summary(2, '睢县文旅', 'APPROVED', '2016-08-10', false, '411422-2026-00042'),
      summary(3, '睢县教育', 'REJECTED', '2026-09-01', false),
      summary(4, '睢县旧号', 'REVOKED', null, false),
    ]));
    const page = loadPage('accounts/accounts');
    page.onShow();
    await settle();
    const text = textOf(page);
    ['睢县发布', '睢县文旅', '睢县教育', '睢县旧号', '草稿', '已备案', '已退回', '已撤销', '411422-2026-00042'].forEach((t) => expect(text).toContain(t));
    const badges = Array.from(render(page).dom.querySelectorAll('.badge')).map((b) => b.className + ':' + b.textContent);
    expect(badges).toEqual(expect.arrayContaining([expect.stringMatching(/ok.*:已备案/), expect.stringMatching(/warn.*:已退回/)]));
    // the approved one has no due date any more
    expect(page.data.accounts[1].dueOn).toBe('');
  });

  test('a row opens its filing; 材料 opens the materials', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings', () => ok([summary(5, '睢县发布', 'DRAFT', '2016-08-10', true)]));
    const page = loadPage('accounts/accounts');
    page.onShow();
    await settle();
    page.open({ currentTarget: { dataset: { id: 5 } } });
    page.materials({ currentTarget: { dataset: { id: 5 } } });
    const urls = wx.__server.calls.filter((c) => c.method === 'navigateTo').map((c) => c.options.url);
    expect(urls).toEqual(['/pages/filing/filing?id=5', '/pages/materials/materials?id=5']);
  });

  test('nothing filed yet: says so and offers 新建备案', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings', () => ok([]));
    const page = loadPage('accounts/accounts');
    page.onShow();
    await settle();
    expect(textOf(page)).toContain('还没有备案的公众号');
    expect(textOf(page)).toContain('新建备案');
  });

  test('a lost login opens the login page', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings', () => error(401, 'UNAUTHENTICATED', '请先登录'))
      .on('POST', '/api/mini/auth/login', () => error(400, 'LOGIN_CODE_INVALID', '登录凭证无效'));
    const page = loadPage('accounts/accounts');
    page.onShow();
    await settle();
    expect(wx.__server.calls.filter((c) => c.method === 'navigateTo').map((c) => c.options.url)).toEqual(['/pages/login/login']);
  });
});
