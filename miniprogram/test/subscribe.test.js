const subscribe = require('../utils/subscribe');
const session = require('../utils/session');
const { settle } = require('./support/page');

describe('subscribe-message opt-in', () => {
  beforeEach(() => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 1 });
  });

  test('with preloaded templates WeChat is asked at once, inside the tap, and the answers are reported', async () => {
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ statusCode: 200, data: { templates: { REMINDER: 't-rem', POLICY: 't-pol' } } }));
    let reported = null;
    wx.__server.on('POST', '/api/mini/subscriptions', (req) => {
      reported = req.data;
      return { statusCode: 201, data: { accepted: 1 } };
    });
    await subscribe.preload();
    let answer;
    wx.requestSubscribeMessage = jest.fn((options) => {
      answer = options;
    });
    const asked = subscribe.ask(['REMINDER']);
    // synchronously: no request went out between the tap and the dialog
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(answer.tmplIds).toEqual(['t-rem']);
    answer.success({ errMsg: 'requestSubscribeMessage:ok', 't-rem': 'accept' });
    await expect(asked).resolves.toEqual({ 't-rem': 'accept' });
    expect(reported).toEqual({ results: { 't-rem': 'accept' } });
  });

  test('without preloaded templates they are fetched first; a kind with no template asks nothing', async () => {
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ statusCode: 200, data: { templates: { POLICY: 't-pol' } } }));
    wx.requestSubscribeMessage = jest.fn((options) => options.success({ 't-pol': 'reject' }));
    wx.__server.on('POST', '/api/mini/subscriptions', () => ({ statusCode: 201, data: { accepted: 0 } }));
    await expect(subscribe.ask(['POLICY'])).resolves.toEqual({ 't-pol': 'reject' });
    wx.requestSubscribeMessage.mockClear();
    await expect(subscribe.ask(['REVIEW_RESULT'])).resolves.toBeNull();
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  test('a refused dialog or a failing server never breaks the page', async () => {
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ fail: { errMsg: 'request:fail' } }));
    await expect(subscribe.ask(['POLICY'])).resolves.toBeNull();
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ statusCode: 200, data: { templates: { POLICY: 't-pol' } } }));
    wx.requestSubscribeMessage = jest.fn((options) => options.fail({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' }));
    await expect(subscribe.ask(['POLICY'])).resolves.toBeNull();
    await settle();
  });
});
