const { loadPage, textOf, settle } = require('./support/page');
const regions = require('../utils/regions');

const OFFICE = /\/api\/mini\/office(\?county=\d{6})?$/;

function info(name, extra) {
  return {
    statusCode: 200,
    data: {
      office: Object.assign({ regionCode: '411422', name, address: '睢县凤城大道1号', email: 'wxb@example.cn',
        instructions: '新开通的公众号应在开通后30日内登记备案。', contacts: [{ name: '王老师', phone: '0370-8111111' }] }, extra),
      campaigns: [], currentCampaign: null, daysAfterOpening: 30,
    },
  };
}

function officeRequests() {
  return wx.__server.calls.filter((c) => OFFICE.test(c.url || '')).map((c) => c.url.replace(/^.*\/api/, '/api'));
}

describe('联系我们', () => {
  beforeEach(() => {
    regions.reset();
    wx.setStorageSync('countyCode', '');
  });

  test('shows the office, its contacts and instructions', async () => {
    wx.__server.on('GET', OFFICE, () => info('睢县委网信办'));
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(textOf(page)).toContain('睢县委网信办');
    expect(textOf(page)).toContain('王老师');
    expect(textOf(page)).toContain('30日内登记备案');
    expect(textOf(page)).not.toContain('所在县（区）');
  });

  test('a network failure offers 重试, which loads again', async () => {
    wx.__server.on('GET', OFFICE, () => ({ fail: { errMsg: 'request:fail' } }));
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(textOf(page)).toContain('网络连接失败');
    expect(textOf(page)).toContain('重试');
    wx.__server.on('GET', OFFICE, () => info('睢县委网信办'));
    await page.retry();
    expect(textOf(page)).toContain('睢县委网信办');
  });

  test('several counties: the county the operator filed in, and a picker to change it', async () => {
    wx.__server.on('GET', '/api/regions/counties', () => ({ statusCode: 200, data: {
      counties: [{ code: '411421', name: '民权县' }, { code: '411422', name: '睢县' }], defaultCountyCode: '411422' } }));
    wx.__server.on('GET', OFFICE, (req) => (req.url.endsWith('411421') ? info('民权县委网信办', { regionCode: '411421' })
      : info('睢县委网信办')));
    regions.choose('411421');
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(officeRequests()).toEqual(['/api/mini/office?county=411421']);
    expect(textOf(page)).toContain('民权县委网信办');
    expect(textOf(page)).toContain('所在县（区）：民权县');
    await page.onCounty({ detail: { value: '1' } });
    expect(textOf(page)).toContain('睢县委网信办');
    expect(regions.chosen()).toBe('411422');
  });

  test('an unknown remembered county falls back to the default one', async () => {
    wx.__server.on('GET', '/api/regions/counties', () => ({ statusCode: 200, data: {
      counties: [{ code: '411421', name: '民权县' }, { code: '411422', name: '睢县' }], defaultCountyCode: '411422' } }));
    wx.__server.on('GET', OFFICE, () => info('睢县委网信办'));
    regions.choose('999999');
    const page = loadPage('office/office');
    page.onLoad();
    await settle();
    expect(officeRequests()).toEqual(['/api/mini/office?county=411422']);
  });
});
