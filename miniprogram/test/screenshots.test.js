// The screenshots of docs/guide/operator.md: key pages rendered with fictitious data (示例…) into
// target/screens/mp-<shot>.html (always, and asserted here), and photographed by headless Chromium
// into docs/images/mp-<shot>.png only with DOCS_SCREENSHOTS=1:
//   cd miniprogram && DOCS_SCREENSHOTS=1 npx jest screenshots
const fs = require('fs');
const { loadPage, settle } = require('./support/page');
const { loggedIn, summary, ok } = require('./support/filings');
const { renderScreen, capture, screenWxml, wxssToCss } = require('./support/screens');

/** Renders the page into its HTML file, checks the operator's texts are in it, and photographs it on request. */
function shoot(page, shot, texts, height) {
  const screen = renderScreen(page, shot);
  const html = fs.readFileSync(screen.file, 'utf8');
  const shown = html.replace(/<style>[\s\S]*<\/style>/, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
  texts.forEach((text) => expect(shown).toContain(text));
  expect(html).toContain('<style>');
  expect(html).not.toMatch(/\d+rpx/);
  const png = capture(screen, shot, height);
  if (png) expect(fs.statSync(png).size).toBeGreaterThan(10000);
  return html;
}

const MATERIALS = '/api/mini/filings/42/materials';

function uploaded(id, materialType, label, fileName, check) {
  return { materialType, label, uploaded: true, history: [],
    current: { id, materialType, fileName, contentType: 'image/jpeg', size: 245760, uploadedAt: '2026-03-02T09:15:30+08:00',
      current: true, purged: false, check } };
}

function done(results) {
  return { status: 'DONE', statusLabel: '已核对', mismatch: results.some((r) => r.outcome === 'MISMATCH'),
    checkedAt: '2026-03-02T09:16:00+08:00', results };
}

const outcome = (field, fieldLabel, result, message) => ({ field, fieldLabel, outcome: result, recognised: null, entered: null, message });

const HISTORY = [
  { from: null, to: 'DRAFT', actorType: 'OPERATOR', reason: null, at: '2026-03-01T08:00:00+08:00' },
  { from: 'DRAFT', to: 'SUBMITTED', actorType: 'OPERATOR', reason: null, at: '2026-03-02T09:20:00+08:00' },
  { from: 'SUBMITTED', to: 'REJECTED', actorType: 'STAFF', reason: '营业执照照片不清晰，请重新拍摄后再提交', at: '2026-03-03T14:30:00+08:00' },
  { from: 'REJECTED', to: 'SUBMITTED', actorType: 'OPERATOR', reason: null, at: '2026-03-04T10:05:00+08:00' },
  { from: 'SUBMITTED', to: 'APPROVED', actorType: 'STAFF', reason: null, at: '2026-03-05T16:40:00+08:00' },
];

function detail(overrides) {
  return Object.assign({
    id: 42, status: 'REJECTED', statusLabel: '已退回', version: 4, filingNumber: null, dueOn: '2026-04-30', overdue: false,
    rejectionReason: '营业执照照片不清晰，请重新拍摄后再提交', revocationReason: null, history: HISTORY.slice(0, 3),
    form: {
      formType: 'UNIT',
      account: { name: '示例县融媒', wechatId: 'shilirongmei', originalId: 'gh_000000000042', type: 'SUBSCRIPTION', openedOn: '2018-05-01',
        contentCategory: '政务服务', registrationPlace: '示例省示例市示例县', operatingPlace: '示例省示例市示例县', township: '城关镇',
        businessScope: '发布本县政务信息' },
      unit: { name: '示例县融媒体中心', type: 'INSTITUTION', creditCode: '12000000MB0000000X', address: '示例县示例大道1号',
        responsiblePerson: { name: '示例张', idNumber: '110***********001X', phone: '139****0000' },
        administrator: { name: '示例李', idNumber: '110***********002X', phone: '138****0000', position: '宣传干事' } },
      individual: null,
    },
  }, overrides);
}

describe('documentation screenshots (docs/images/mp-*.png with DOCS_SCREENSHOTS=1)', () => {
  test('首页: accounts with their status, the next deadline and the unread count', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/me', () => ok({ id: 7, consentRequired: false }))
      .on('GET', '/api/mini/filings', () => ok([
        summary(1, '示例县发布', 'DRAFT', '2026-04-30', false),
        summary(2, '示例县融媒', 'REJECTED', '2026-04-30', false),
        summary(3, '示例文旅', 'APPROVED', '2026-03-31', false, '411422-2026-00042'),
      ]))
      .on('GET', '/api/mini/inbox', () => ok({ items: [], total: 5, unread: 2, page: 0, size: 20 }));
    const page = loadPage('home/home');
    page.onShow();
    await settle();
    shoot(page, 'home', ['自查', '新建备案', '未读消息', '最近截止', '示例县发布', '已退回', '备案编号：411422-2026-00042', '我的账号']);
  });

  test('备案自查: the name, the answers and a 须登记备案 result', async () => {
    wx.__server.on('POST', '/api/mini/self-check', () => ok({
      filingRequired: true,
      conclusion: '该公众号属于本县登记备案范围，请在规定期限内登记备案',
      criteria: [
        { criterion: 'LOCAL_NAME', description: '名称含本县、乡镇名称（别称）或其他显著本地特征', met: true },
        { criterion: 'LOCAL_REGISTRANT', description: '注册人或机构属地在本县', met: true },
        { criterion: 'LOCAL_CONTENT', description: '内容主要涉及本县', met: false },
      ],
      matchedTerms: [{ term: '城关', kind: 'TOWNSHIP_ALIAS', township: '城关镇' }],
      normalizedName: '示例城关生活',
    }));
    const page = loadPage('self-check/self-check');
    page.onLoad({});
    page.onNameInput({ detail: { value: '示例城关生活' } });
    page.onAnswer({ currentTarget: { dataset: { field: 'registrantLocal' } }, detail: { value: true } });
    await page.check();
    const html = shoot(page, 'self-check', ['示例城关生活', '注册人或注册机构属地是否在本县？', '须登记备案', '去备案', '乡镇别称'], 1000);
    expect(html).toContain('__switch __on');
  });

  test('登记备案表: 表一 chosen, the unit partly filled', async () => {
    loggedIn();
    const page = loadPage('form/form');
    page.onLoad({});
    await page.loaded;
    const type = (path, value) => page.onInput({ currentTarget: { dataset: { path } }, detail: { value } });
    type('account.name', '示例县发布');
    type('account.wechatId', 'shilifabu');
    type('account.originalId', 'gh_000000000001');
    page.onPick({ currentTarget: { dataset: { path: 'account.type' } }, detail: { value: '0' } });
    page.onDate({ currentTarget: { dataset: { path: 'account.openedOn' } }, detail: { value: '2018-05-01' } });
    type('account.contentCategory', '政务服务');
    type('account.registrationPlace', '示例省示例市示例县');
    type('account.operatingPlace', '示例省示例市示例县');
    type('account.businessScope', '发布本县政务信息');
    expect(page.next()).toBe(true);
    page.chooseType({ currentTarget: { dataset: { value: 'UNIT' } } });
    type('unit.name', '示例县融媒体中心');
    page.onPick({ currentTarget: { dataset: { path: 'unit.type' } }, detail: { value: '1' } });
    shoot(page, 'form', ['公众号信息', '选择登记表', '示例县融媒体中心', '统一社会信用代码', '保存草稿']);
  });

  test('备案材料: the checklist with an automatic-check warning under the ID card', async () => {
    loggedIn();
    wx.__server.on('GET', MATERIALS, () => ok({
      items: [
        uploaded(501, 'LICENCE', '营业执照（统一社会信用代码证）或组织机构代码证', '营业执照.jpg', done([
          outcome('CREDIT_CODE', '统一社会信用代码', 'MATCH', '统一社会信用代码一致')])),
        uploaded(502, 'RESPONSIBLE_ID_FRONT', '负责人身份证人像面', '身份证人像面.jpg', done([
          outcome('NAME', '姓名', 'MATCH', '姓名一致'),
          outcome('ID_NUMBER', '身份证号码', 'MISMATCH', '照片中的身份证号码与填写的不一致，请核对')])),
        { materialType: 'SIGNED_UNIT_FORM', label: '加盖公章并签字的表一扫描件', uploaded: false, current: null, history: [] },
      ],
      missing: ['SIGNED_UNIT_FORM'],
    }));
    const page = loadPage('materials/materials');
    page.onLoad({ id: '42' });
    await settle();
    shoot(page, 'materials', ['还需上传 1 项材料', '已上传', '未上传', '照片中的身份证号码与填写的不一致，请核对',
      '如确认无误，仍可提交备案', '已核对一致', '拍照/选图']);
    page.onUnload();
  });

  test('备案详情: a returned filing with its reason and the actions', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings/42', () => ok(detail()));
    const page = loadPage('filing/filing');
    page.onLoad({ id: '42' });
    await settle();
    shoot(page, 'filing', ['示例县融媒', '已退回', '退回原因：营业执照照片不清晰', '编辑', '审核记录']);
  });

  test('审核进度: the timeline of an approved filing after a return', async () => {
    loggedIn();
    wx.__server.on('GET', '/api/mini/filings/42', () => ok(detail({ status: 'APPROVED', statusLabel: '已备案',
      filingNumber: '411422-2026-00042', rejectionReason: null, history: HISTORY })));
    const page = loadPage('timeline/timeline');
    page.onLoad({ id: '42' });
    await settle();
    shoot(page, 'timeline', ['当前状态：', '已备案', '备案编号：411422-2026-00042', '退回原因：营业执照照片不清晰', '操作方：网信办']);
  });

  test('消息: unread review results and policy notices', async () => {
    loggedIn();
    const message = (id, sourceType, title, summaryText, day, read) => ({ id, sourceType, title, summary: summaryText,
      receivedAt: '2026-03-0' + day + 'T09:30:00+08:00', readAt: read ? '2026-03-06T10:00:00+08:00' : null });
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=1&/, () => ok({ items: [
      message(4, 'REVIEW_RESULT', '示例县融媒 备案已通过', '备案编号 411422-2026-00042', 5, false),
      message(3, 'POLICY', '关于做好公众号登记备案工作的通知（示例）', '请各运营单位于4月30日前完成登记备案', 4, false),
      message(2, 'REVIEW_RESULT', '示例县融媒 备案被退回', '营业执照照片不清晰，请重新拍摄后再提交', 3, true),
    ], total: 3, unread: 2, page: 1, size: 20 }));
    const page = loadPage('inbox/inbox');
    if (page.onLoad) page.onLoad({});
    await page.onShow();
    shoot(page, 'inbox', ['订阅政策通知', '共 3 条，2 条未读', '备案已通过', '政策通知', '审核结果']);
  });
});

describe('the screenshot renderer', () => {
  test('built-in components keep what the phone shows: value or placeholder, switch state, button type', () => {
    const wxml = screenWxml('<input value="{{name}}" placeholder="请输入" bindinput="on" />'
      + '<switch checked="{{on}}" data-field="f" /><button wx:if="{{step > 0}}" type="primary" size="mini" class="b">下一步</button>');
    expect(wxml).toContain('<view bindinput="on" class="__input"><text wx:if="{{name}}">{{name}}</text><text wx:else class="__placeholder">请输入</text></view>');
    expect(wxml).toContain('class="__switch {{(on) ? \'__on\' : \'\'}}"');
    expect(wxml).toContain('<view wx:if="{{step > 0}}" class="__button __primary __mini b">下一步</view>');
    expect(screenWxml('<text class="muted"> {{size}}</text><text>\n  {{name}}</text>'))
      .toBe('<text class="muted">{{\' \'}}{{size}}</text><text>\n  {{name}}</text>');
  });

  test('WXSS: rpx become px at 750 rpx = 375 px, tag selectors the rendered elements, classes stay', () => {
    expect(wxssToCss('page { font-size: 30rpx; }\n.field input, .button { margin: 24rpx 1rpx; }\n.actions button { gap: 16rpx; }'))
      .toBe('.page { font-size: 15px; }\n.field .__input, .button { margin: 12px 0.5px; }\n.actions .__button { gap: 8px; }');
  });
});
