const { loadPage, textOf, settle } = require('./support/page');

const MUST_FILE = {
  filingRequired: true,
  conclusion: '该公众号属于本县登记备案范围，请在规定期限内登记备案',
  criteria: [
    { criterion: 'LOCAL_UNIT', description: '由本县单位或社会团体开设', met: false },
    { criterion: 'LOCAL_PERSON_OR_COMPANY', description: '在本县以个人或公司名义开办', met: false },
    { criterion: 'LOCAL_NAME', description: '名称含本县、乡镇名称（别称）或其他显著本地特征', met: true },
    { criterion: 'LOCAL_CONTENT', description: '内容主要涉及本县', met: false },
    { criterion: 'LOCAL_REGISTRANT', description: '注册人或机构属地在本县', met: true },
  ],
  matchedTerms: [
    { term: '睢县', kind: 'COUNTY_NAME', township: null },
    { term: '城关', kind: 'TOWNSHIP_ALIAS', township: '城关回族镇' },
  ],
  normalizedName: '睢县城关发布',
};

const NOT_REQUIRED = {
  filingRequired: false,
  conclusion: '根据您的回答，该公众号暂不属于本县登记备案范围；情况变化时请重新自查',
  criteria: MUST_FILE.criteria.map((c) => Object.assign({}, c, { met: false })),
  matchedTerms: [],
  normalizedName: '美食日记',
};

function selfChecks() {
  return wx.__server.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/api/mini/self-check'));
}

function open() {
  const page = loadPage('self-check/self-check');
  page.onLoad({});
  return page;
}

describe('备案自查', () => {
  test('shows the name field and the four questions of notice §2, without logging in', () => {
    const page = open();
    const text = textOf(page);
    expect(text).toContain('公众号名称');
    expect(text).toContain('是否由本县乡镇、机关、企事业单位、驻县单位或社会团体开设？');
    expect(text).toContain('注册人或注册机构属地是否在本县？');
    expect(text).toContain('开始自查');
    expect(wx.__server.calls.filter((c) => c.method === 'LOGIN')).toHaveLength(0);
  });

  test('sends the name and every answer (unanswered = false) without a token', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: MUST_FILE }));
    const page = open();
    page.onNameInput({ detail: { value: '  睢縣城關發佈 ' } });
    page.onAnswer({ currentTarget: { dataset: { field: 'registrantLocal' } }, detail: { value: true } });
    await page.check();
    expect(selfChecks().map((c) => c.data)).toEqual([{
      accountName: '睢縣城關發佈',
      openedByLocalUnit: false,
      openedByLocalPersonOrCompany: false,
      contentMainlyLocal: false,
      registrantLocal: true,
    }]);
    expect(selfChecks()[0].header.Authorization).toBeUndefined();
    expect(wx.__server.calls.filter((c) => c.method === 'LOGIN')).toHaveLength(0);
  });

  test('renders the answer: must file, the criteria met and the place names found', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: MUST_FILE }));
    const page = open();
    page.onNameInput({ detail: { value: '睢縣城關發佈' } });
    await page.check();
    const text = textOf(page);
    expect(text).toContain('须登记备案');
    expect(text).not.toContain('暂不须登记备案');
    expect(text).toContain('该公众号属于本县登记备案范围');
    expect(text).toContain('名称含本县、乡镇名称（别称）或其他显著本地特征');
    expect(text).toContain('注册人或机构属地在本县');
    expect(text).not.toContain('内容主要涉及本县');
    expect(text).toContain('名称中识别出的本地地名：睢县、城关');
    expect(text).toContain('城关回族镇');
    expect(text).toContain('去备案');
  });

  test('去备案 opens the form with the account name and the matched township', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: MUST_FILE }));
    const page = open();
    page.onNameInput({ detail: { value: '睢縣城關發佈' } });
    await page.check();
    page.goFile();
    const navigations = wx.__server.calls.filter((c) => c.method === 'navigateTo').map((c) => c.options.url);
    expect(navigations).toEqual(['/pages/form/form?accountName=' + encodeURIComponent('睢縣城關發佈') + '&township=' + encodeURIComponent('城关回族镇')]);
  });

  test('without a township in the name 去备案 passes the name only', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: Object.assign({}, MUST_FILE, {
      matchedTerms: [{ term: '睢县', kind: 'COUNTY_NAME', township: null }] }) }));
    const page = open();
    page.onNameInput({ detail: { value: '睢县发布' } });
    await page.check();
    page.goFile();
    expect(wx.__server.calls.find((c) => c.method === 'navigateTo').options.url).toBe('/pages/form/form?accountName=' + encodeURIComponent('睢县发布'));
  });

  test('the county the name points to is shown and passed to the form, with that county\'s township', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: Object.assign({}, MUST_FILE, {
      matchedTerms: [
        { term: '新城', kind: 'TOWNSHIP_ALIAS', township: '新城镇', countyCode: '411421' },
        { term: '旧庄', kind: 'TOWNSHIP_ALIAS', township: '旧庄乡', countyCode: '411421' },
        { term: '城关', kind: 'TOWNSHIP_ALIAS', township: '城关回族镇', countyCode: '411422' },
      ],
      matchedCounties: [{ countyCode: '411421', countyName: '民权县', terms: 2 }, { countyCode: '411422', countyName: '睢县', terms: 1 }],
      suggestedCountyCode: '411421' }) }));
    const page = open();
    page.onNameInput({ detail: { value: '城关新城旧庄' } });
    await page.check();
    expect(textOf(page)).toContain('涉及县（区）：民权县、睢县');
    page.goFile();
    expect(wx.__server.calls.find((c) => c.method === 'navigateTo').options.url).toBe('/pages/form/form?accountName='
      + encodeURIComponent('城关新城旧庄') + '&township=' + encodeURIComponent('新城镇') + '&county=411421');
  });

  test('an account that need not file is told so, without 去备案', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: NOT_REQUIRED }));
    const page = open();
    page.onNameInput({ detail: { value: '美食日记' } });
    await page.check();
    const text = textOf(page);
    expect(text).toContain('暂不须登记备案');
    expect(text).toContain('情况变化时请重新自查');
    expect(text).not.toContain('去备案');
    expect(text).not.toContain('名称中识别出的本地地名');
  });

  test('an empty or too long name is stopped at the field, nothing is sent', async () => {
    const page = open();
    page.onNameInput({ detail: { value: '   ' } });
    await page.check();
    expect(textOf(page)).toContain('请填写公众号名称');
    page.onNameInput({ detail: { value: '名'.repeat(65) } });
    await page.check();
    expect(textOf(page)).toContain('公众号名称不能超过64个字');
    expect(selfChecks()).toHaveLength(0);
  });

  test('the server\'s field error for the name is shown at the field', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '请求参数校验失败',
      fieldErrors: [{ field: 'accountName', message: '不能为空' }] } }));
    const page = open();
    page.onNameInput({ detail: { value: '睢县发布' } });
    await page.check();
    expect(page.data.nameError).toBe('不能为空');
    expect(textOf(page)).toContain('不能为空');
    expect(textOf(page)).not.toContain('重试');
  });

  test('a network failure offers 重试, which checks again', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ fail: { errMsg: 'request:fail' } }));
    const page = open();
    page.onNameInput({ detail: { value: '睢县发布' } });
    await page.check();
    expect(textOf(page)).toContain('网络连接失败，请检查网络后重试');
    expect(textOf(page)).toContain('重试');
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: MUST_FILE }));
    await page.retry();
    await settle();
    expect(textOf(page)).toContain('须登记备案');
    expect(textOf(page)).not.toContain('网络连接失败');
    expect(selfChecks()).toHaveLength(2);
  });

  test('a busy server (DATABASE_BUSY) is retryable too; a changed answer clears the old result', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 503, data: { code: 'DATABASE_BUSY', message: '系统繁忙' } }));
    const page = open();
    page.onNameInput({ detail: { value: '睢县发布' } });
    await page.check();
    expect(textOf(page)).toContain('当前办理人数较多，请稍后再试');
    expect(textOf(page)).toContain('重试');
    wx.__server.on('POST', '/api/mini/self-check', () => ({ statusCode: 200, data: MUST_FILE }));
    await page.retry();
    expect(page.data.result.filingRequired).toBe(true);
    page.onAnswer({ currentTarget: { dataset: { field: 'contentMainlyLocal' } }, detail: { value: true } });
    expect(page.data.result).toBeNull();
    expect(page.data.answers.contentMainlyLocal).toBe(true);
  });
});
