const { loadPage, textOf, settle } = require('./support/page');

describe('联系我们', () => {
  test('shows the office and its contacts', async () => {
    wx.__server.on('GET', '/api/mini/office', () => ({ statusCode: 200, data: { name: '睢县委网信办', address: '睢县凤城大道1号',
      email: 'wxb@example.cn', contacts: [{ name: '王老师', phone: '0370-8111111' }] } }));
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(textOf(page)).toContain('睢县委网信办');
    expect(textOf(page)).toContain('王老师');
  });

  test('a network failure offers 重试, which loads again', async () => {
    wx.__server.on('GET', '/api/mini/office', () => ({ fail: { errMsg: 'request:fail' } }));
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(textOf(page)).toContain('网络连接失败');
    expect(textOf(page)).toContain('重试');
    wx.__server.on('GET', '/api/mini/office', () => ({ statusCode: 200, data: { name: '睢县委网信办', address: 'x', contacts: [] } }));
    await page.retry();
    expect(textOf(page)).toContain('睢县委网信办');
  });
});
