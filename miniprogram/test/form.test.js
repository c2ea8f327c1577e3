const { loadPage, render, textOf, settle } = require('./support/page');
const { loggedIn, filing, unitForm, ok, error } = require('./support/filings');

function type(page, path, value) {
  page.onInput({ currentTarget: { dataset: { path } }, detail: { value } });
}

/** The text of the field whose input edits this path (label, value hint and error). */
function fieldText(page, path) {
  const input = render(page).dom.querySelector('[data-path="' + path + '"]');
  if (!input) throw new Error('no field ' + path + ' on step ' + page.data.step);
  return input.parentNode.textContent;
}

function fillAccount(page) {
  type(page, 'account.name', ' 睢县发布 ');
  type(page, 'account.wechatId', 'sxfabu');
  type(page, 'account.originalId', 'gh_0123456789ab');
  page.onPick({ currentTarget: { dataset: { path: 'account.type' } }, detail: { value: '0' } });
  page.onDate({ currentTarget: { dataset: { path: 'account.openedOn' } }, detail: { value: '2016-05-01' } });
  type(page, 'account.contentCategory', '政务服务');
  type(page, 'account.registrationPlace', '河南省商丘市睢县');
  type(page, 'account.operatingPlace', '河南省商丘市睢县');
  type(page, 'account.businessScope', '发布本县政务信息');
}

async function newForm() {
  loggedIn();
  const page = loadPage('form/form');
  page.onLoad({});
  await page.loaded;
  return page;
}

async function editForm(answer, mode) {
  loggedIn();
  wx.__server.on('GET', '/api/mini/filings/1', () => ok(answer));
  const page = loadPage('form/form');
  page.onLoad(mode ? { id: '1', mode } : { id: '1' });
  await page.loaded;
  return page;
}

function redirects(method) {
  return wx.__server.calls.filter((c) => c.method === method).map((c) => (c.options || {}).url);
}

describe('登记备案表', () => {
  test('four steps; the second chooses 表一 or 表二 and the third follows the choice', async () => {
    const page = await newForm();
    expect(textOf(page)).toMatch(/1\s*公众号信息.*2\s*表一 单位 \/ 表二 个人.*4\s*确认/);
    fillAccount(page);
    expect(page.next()).toBe(true);
    expect(page.data.step).toBe(1);
    expect(page.next()).toBe(false);
    expect(textOf(page)).toContain('请选择备案类型');
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    expect(textOf(page)).toContain('统一社会信用代码/组织机构代码');
    expect(page.next()).toBe(true);
    expect(textOf(page)).toMatch(/负责人姓名.*负责人身份证号码.*管理员姓名.*管理员职务/);
    page.prev();
    page.chooseType({ currentTarget: { dataset: { value: 'INDIVIDUAL' } } });
    expect(page.data.titles).toEqual(['公众号信息', '表二 个人', '个人信息', '确认']);
    page.onSwitch({ currentTarget: { dataset: { path: 'individual.selfEmployed' } }, detail: { value: true } });
    expect(textOf(page)).toContain('营业执照号码');
    page.next();
    expect(textOf(page)).toMatch(/姓名.*身份证号码.*手机号码.*住址/);
    expect(textOf(page)).not.toContain('管理员');
  });

  test('client errors appear at their own field and keep the step', async () => {
    const page = await newForm();
    fillAccount(page);
    page.next();
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    type(page, 'unit.creditCode', '91310110666007217A');
    expect(page.next()).toBe(false);
    expect(fieldText(page, 'unit.creditCode')).toContain('应为有效的统一社会信用代码或组织机构代码');
    type(page, 'unit.creditCode', '66600721-7');
    expect(page.next()).toBe(true);
    type(page, 'unit.responsiblePerson.idNumber', '110105199003071238');
    type(page, 'unit.responsiblePerson.phone', '12912345678');
    type(page, 'unit.administrator.idNumber', '110105199013011234');
    expect(page.next()).toBe(false);
    expect(fieldText(page, 'unit.responsiblePerson.idNumber')).toContain('身份证号码校验位不正确');
    expect(fieldText(page, 'unit.responsiblePerson.phone')).toContain('手机号码无效');
    expect(fieldText(page, 'unit.administrator.idNumber')).toContain('身份证号码中的出生日期无效或晚于今天');
    expect(fieldText(page, 'unit.administrator.phone')).not.toContain('无效');
    // correcting a field clears its error
    type(page, 'unit.responsiblePerson.idNumber', '11010519491231002x');
    expect(fieldText(page, 'unit.responsiblePerson.idNumber')).not.toContain('校验位');
  });

  test('saving goes to the step of the first error', async () => {
    const page = await newForm();
    fillAccount(page);
    type(page, 'account.originalId', 'gh_xyz');
    page.goto(2);
    await page.save();
    expect(page.data.step).toBe(0);
    expect(fieldText(page, 'account.originalId')).toContain('原始ID应为 gh_ 加12位字母或数字');
    expect(wx.__server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  test('a new draft is posted normalised, with only its form type, then its detail opens', async () => {
    const page = await newForm();
    fillAccount(page);
    page.next();
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    type(page, 'unit.name', '睢县融媒体中心');
    type(page, 'unit.creditCode', ' 91310110666007217t ');
    page.next();
    type(page, 'unit.responsiblePerson.idNumber', '11010519491231002x');
    type(page, 'unit.responsiblePerson.phone', '+86 13912345678');
    let sent = null;
    wx.__server.on('POST', '/api/mini/filings', (req) => {
      sent = req.data;
      return { statusCode: 201, data: filing({ id: 12, version: 0 }) };
    });
    await page.save();
    expect(sent.formType).toBe('UNIT');
    expect(sent.individual).toBeNull();
    expect(sent.account).toMatchObject({ name: '睢县发布', type: 'SUBSCRIPTION', openedOn: '2016-05-01', township: null });
    expect(sent.unit).toMatchObject({ name: '睢县融媒体中心', creditCode: '91310110666007217T', address: null });
    expect(sent.unit.responsiblePerson).toEqual({ name: null, idNumber: '11010519491231002X', phone: '+86 13912345678' });
    expect(redirects('redirectTo')).toEqual(['/pages/filing/filing?id=12']);
  });

  test('the server field errors are shown at their field, on the step of the first one', async () => {
    const page = await newForm();
    fillAccount(page);
    page.next();
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    page.goto(3);
    wx.__server.on('POST', '/api/mini/filings', () => error(400, 'VALIDATION_FAILED', '请求参数校验失败', [
      { field: 'unit.responsiblePerson.idNumber', message: '身份证号码前两位不是有效的省级行政区划代码' },
      { field: 'unit.administrator.phone', message: '手机号码无效' },
    ]));
    await page.save();
    expect(page.data.step).toBe(2);
    expect(fieldText(page, 'unit.responsiblePerson.idNumber')).toContain('身份证号码前两位不是有效的省级行政区划代码');
    expect(fieldText(page, 'unit.administrator.phone')).toContain('手机号码无效');
    expect(textOf(page)).toContain('请求参数校验失败');
  });

  test('PUT errors (form.… paths) map too; an account already filed is said at the top', async () => {
    const page = await editForm(filing());
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    wx.__server.on('PUT', '/api/mini/filings/1', () => error(400, 'VALIDATION_FAILED', '请求参数校验失败', [
      { field: 'form.account.wechatId', message: '微信号应为6至20位字母、数字、下划线或减号，并以字母开头' },
    ]));
    page.goto(2);
    await page.save();
    expect(page.data.step).toBe(0);
    expect(fieldText(page, 'account.wechatId')).toContain('微信号应为6至20位');
    wx.__server.on('PUT', '/api/mini/filings/1', () => error(409, 'ACCOUNT_ALREADY_FILED', '该公众号已由他人登记备案，请联系县委网信办'));
    await page.save();
    expect(textOf(page)).toContain('该公众号已由他人登记备案，请联系县委网信办');
  });

  test('editing: an unchanged masked ID is sent as null, a new one as typed; masked phones must be typed again', async () => {
    const page = await editForm(filing());
    let sent = null;
    wx.__server.on('PUT', '/api/mini/filings/1', (req) => {
      sent = req.data;
      return ok(filing({ version: 4 }));
    });
    await page.save();
    expect(sent).toBeNull();
    expect(page.data.step).toBe(2);
    expect(fieldText(page, 'unit.responsiblePerson.phone')).toContain('号码已隐藏，请重新输入完整的手机号码');
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    type(page, 'unit.administrator.idNumber', '110105199003071239');
    await page.save();
    expect(sent.version).toBe(3);
    expect(sent.form.unit.responsiblePerson.idNumber).toBeNull();
    expect(sent.form.unit.administrator.idNumber).toBe('110105199003071239');
    expect(sent.form.unit.responsiblePerson.phone).toBe('13912345678');
    expect(redirects('navigateBack')).toHaveLength(1);
  });

  test('a version conflict tells to reload, and 重新加载 reads the filing again', async () => {
    let reads = 0;
    const page = await editForm(filing());
    wx.__server.on('GET', '/api/mini/filings/1', () => {
      reads += 1;
      return ok(filing({ version: 5 }));
    });
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    wx.__server.on('PUT', '/api/mini/filings/1', () => error(409, 'VERSION_CONFLICT', '版本冲突'));
    await page.save();
    expect(textOf(page)).toContain('备案已在别处修改，请重新加载后再改');
    expect(textOf(page)).toContain('重新加载');
    await page.reload();
    expect(reads).toBe(1);
    expect(page.data.version).toBe(5);
    expect(page.data.conflict).toBe(false);
  });

  test('the confirmation lists what submission still needs, masked IDs counting as kept', async () => {
    const form = unitForm();
    form.unit.administrator.position = null;
    form.account.contentCategory = null;
    const page = await editForm(filing({ form }));
    page.goto(3);
    expect(page.data.missing).toEqual(['内容类别', '管理员职务']);
    const text = textOf(page);
    expect(text).toContain('提交审核前还需填写');
    expect(text).toContain('负责人身份证号码：110***********002X（不修改）');
  });

  test('申请变更: complete before sending, then the change request with version and form, and the review opt-in', async () => {
    const form = unitForm();
    form.unit.address = null;
    const page = await editForm(filing({ status: 'APPROVED', statusLabel: '已备案', filingNumber: '411422-2026-00042', form }), 'change');
    expect(textOf(page)).not.toContain('保存草稿');
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    page.goto(3);
    expect(textOf(page)).toContain('提交变更申请');
    await page.save();
    expect(page.data.step).toBe(1);
    expect(fieldText(page, 'unit.address')).toContain('提交前必须填写');
    type(page, 'unit.address', '睢县凤城大道1号');
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ok({ templates: { REVIEW_RESULT: 'tmpl-review' } }))
      .on('POST', '/api/mini/subscriptions', () => ok({}));
    wx.requestSubscribeMessage = jest.fn((options) => options.success({ 'tmpl-review': 'accept' }));
    let sent = null;
    wx.__server.on('POST', '/api/mini/filings/1/change-request', (req) => {
      sent = req.data;
      return ok(filing({ status: 'SUBMITTED', statusLabel: '待审核', version: 4 }));
    });
    await page.save();
    await settle();
    expect(sent.version).toBe(3);
    expect(sent.form.unit.address).toBe('睢县凤城大道1号');
    expect(sent.form.unit.administrator.idNumber).toBeNull();
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(redirects('navigateBack')).toHaveLength(1);
  });
});

describe('登记备案表 for a filing that cannot be edited', () => {
  test('a filing waiting for review opens read-only: says why and offers no save', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings/1', () => ok(filing({ status: 'SUBMITTED', statusLabel: '待审核' })));
    const page = loadPage('form/form');
    page.onLoad({ id: '1' });
    await page.loaded;
    expect(textOf(page)).toContain('该备案当前为“待审核”，不能在这里修改');
    expect(textOf(page)).not.toContain('保存草稿');
    await page.save();
    expect(wx.__server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });
});

describe('登记备案表: 所属县（区） when the platform serves several counties', () => {
  const regions = require('../utils/regions');
  const SUIXIAN = { code: '411422', name: '睢县', province: '河南省', city: '商丘市' };
  const NINGLING = { code: '411423', name: '宁陵县', province: '河南省', city: '商丘市' };

  function counties(list, defaultCountyCode) {
    wx.__server.on('GET', '/api/regions/counties', () => ok({ counties: list, defaultCountyCode: defaultCountyCode || '411422' }));
  }

  /** The county field (label, chosen county, hint), or null when the page offers no choice. */
  function countyField(page) {
    const picker = render(page).dom.querySelector('[data-path="countyCode"]');
    return picker ? picker.parentNode : null;
  }

  function fillDraft(page) {
    fillAccount(page);
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
  }

  function pickCounty(page, index) {
    page.onCounty({ currentTarget: { dataset: { path: 'countyCode' } }, detail: { value: String(index) } });
  }

  function countiesRequests() {
    return wx.__server.calls.filter((c) => /\/api\/regions\/counties$/.test(c.url || ''));
  }

  function postedForm() {
    const sent = {};
    wx.__server.on('POST', '/api/mini/filings', (req) => {
      sent.body = req.data;
      return { statusCode: 201, data: filing({ id: 12, version: 0 }) };
    });
    return sent;
  }

  test('one county: no choice on the page and no countyCode sent', async () => {
    counties([SUIXIAN]);
    const page = await newForm();
    expect(countiesRequests()).toHaveLength(1);
    expect(countiesRequests()[0].header.Authorization).toBeUndefined();
    expect(countyField(page)).toBeNull();
    expect(textOf(page)).not.toContain('所属县（区）');
    fillAccount(page);
    page.next();
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    page.goto(3);
    expect(textOf(page)).not.toContain('所属县（区）');
    const sent = postedForm();
    await page.save();
    expect(sent.body.account.name).toBe('睢县发布');
    expect('countyCode' in sent.body).toBe(false);
  });

  test('two counties: the default is chosen for a new filing, another can be chosen and its code is sent', async () => {
    counties([SUIXIAN, NINGLING], '411422');
    const page = await newForm();
    expect(countyField(page).textContent).toMatch(/所属县（区）\s*睢县/);
    expect(page.data.counties.map((c) => c.name)).toEqual(['睢县', '宁陵县']);
    expect(page.data.countyIndex).toBe(0);
    pickCounty(page, 1);
    expect(countyField(page).textContent).toContain('宁陵县');
    expect(page.data.countyIndex).toBe(1);
    fillAccount(page);
    page.next();
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    page.goto(3);
    expect(textOf(page)).toContain('所属县（区）：宁陵县');
    const sent = postedForm();
    await page.save();
    expect(sent.body.countyCode).toBe('411423');
    expect(sent.body.account.name).toBe('睢县发布');
  });

  test('from 备案自查: the name, township and suggested county are filled in and sent', async () => {
    counties([SUIXIAN, NINGLING], '411422');
    loggedIn();
    const page = loadPage('form/form');
    page.onLoad({ accountName: encodeURIComponent('宁陵发布'), township: encodeURIComponent('城关镇'), county: '411423' });
    await page.loaded;
    expect(countyField(page).textContent).toContain('宁陵县');
    expect(page.data.form.account.name).toBe('宁陵发布');
    expect(page.data.form.account.township).toBe('城关镇');
    fillDraft(page);
    const sent = postedForm();
    await page.save();
    expect(sent.body.countyCode).toBe('411423');
  });

  test('from 备案自查 with a county the deployment does not serve: the default is chosen', async () => {
    counties([SUIXIAN, NINGLING], '411422');
    loggedIn();
    const page = loadPage('form/form');
    page.onLoad({ accountName: '%E5%AE%81', county: '999999' });
    await page.loaded;
    expect(countyField(page).textContent).toContain('睢县');
    expect(page.data.form.account.name).toBe('宁');
  });

  test('two counties: the default is sent when nothing else is chosen', async () => {
    counties([SUIXIAN, NINGLING], '411423');
    const page = await newForm();
    expect(countyField(page).textContent).toContain('宁陵县');
    fillDraft(page);
    const sent = postedForm();
    await page.save();
    expect(sent.body.countyCode).toBe('411423');
  });

  test('a draft opens with its own county chosen, and keeps it on saving', async () => {
    counties([SUIXIAN, NINGLING], '411422');
    const form = unitForm();
    form.countyCode = '411423';
    const page = await editForm(filing({ form }));
    expect(page.data.countyLocked).toBe(false);
    expect(countyField(page).textContent).toContain('宁陵县');
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    let sent = null;
    wx.__server.on('PUT', '/api/mini/filings/1', (req) => {
      sent = req.data;
      return ok(filing({ version: 4 }));
    });
    await page.save();
    expect(sent.form.countyCode).toBe('411423');
    pickCounty(page, 0);
    await page.save();
    expect(sent.form.countyCode).toBe('411422');
  });

  test('a filing with a number shows its county read-only and sends it unchanged', async () => {
    counties([SUIXIAN, NINGLING], '411422');
    const form = unitForm();
    form.countyCode = '411423';
    const page = await editForm(filing({ status: 'APPROVED', statusLabel: '已备案', filingNumber: '411423-2026-00007', form }), 'change');
    expect(page.data.countyLocked).toBe(true);
    const field = countyField(page);
    expect(field.textContent).toContain('宁陵县');
    expect(field.textContent).toContain('已备案的公众号不能更换所属县（区）');
    pickCounty(page, 0);
    expect(page.data.form.countyCode).toBe('411423');
    expect(countyField(page).textContent).toContain('宁陵县');
    type(page, 'unit.responsiblePerson.phone', '13912345678');
    type(page, 'unit.administrator.phone', '13812345678');
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ok({ templates: {} }));
    let sent = null;
    wx.__server.on('POST', '/api/mini/filings/1/change-request', (req) => {
      sent = req.data;
      return ok(filing({ status: 'SUBMITTED', statusLabel: '待审核', version: 4 }));
    });
    await page.save();
    expect(sent.form.countyCode).toBe('411423');
  });

  test('COUNTY_UNKNOWN and COUNTY_LOCKED are said at the top, as the server words them', async () => {
    counties([SUIXIAN, NINGLING]);
    const page = await newForm();
    fillDraft(page);
    pickCounty(page, 1);
    wx.__server.on('POST', '/api/mini/filings', () => error(400, 'COUNTY_UNKNOWN', '所选县（区）不在本平台服务范围内'));
    await page.save();
    expect(page.data.formError).toBe('所选县（区）不在本平台服务范围内');
    expect(textOf(page)).toContain('所选县（区）不在本平台服务范围内');
    expect(redirects('redirectTo')).toHaveLength(0);
    wx.__server.on('POST', '/api/mini/filings', () => error(409, 'COUNTY_LOCKED', '已备案的公众号不能更换所属县（区）'));
    await page.save();
    expect(textOf(page)).toContain('已备案的公众号不能更换所属县（区）');
    expect(page.data.saving).toBe(false);
  });

  test('the counties cannot be read: no choice, and the form still saves without countyCode', async () => {
    wx.__server.on('GET', '/api/regions/counties', () => ({ fail: { errMsg: 'request:fail' } }));
    const page = await newForm();
    expect(countyField(page)).toBeNull();
    expect(page.data.counties).toEqual([]);
    fillDraft(page);
    const sent = postedForm();
    await page.save();
    expect('countyCode' in sent.body).toBe(false);
    expect(redirects('redirectTo')).toEqual(['/pages/filing/filing?id=12']);
  });

  test('the counties are asked once for the app\'s lifetime; a failure is not kept', async () => {
    regions.reset();
    wx.__server.on('GET', '/api/regions/counties', () => error(503, 'DATABASE_BUSY', '当前办理人数较多，请稍后再试'));
    expect(await regions.load()).toEqual({ counties: [], defaultCountyCode: null });
    counties([SUIXIAN, NINGLING], '411422');
    const first = await regions.load();
    const second = await regions.load();
    expect(first.counties.map((c) => c.code)).toEqual(['411422', '411423']);
    expect(second).toBe(first);
    expect(countiesRequests()).toHaveLength(2);
    regions.reset();
  });
});
