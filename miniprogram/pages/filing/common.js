// What the filing pages (home, accounts, filing, form) share: labels, status badges, which actions a
// status allows (as the server's state machine), and the errors that mean "log in / consent first".
const session = require('../../utils/session');

const STATUS_BADGES = {
  DRAFT: 'badge',
  SUBMITTED: 'badge',
  APPROVED: 'badge ok',
  REJECTED: 'badge warn',
  REVOKED: 'badge off',
};

const FORM_TYPES = [
  { value: 'UNIT', label: '表一 单位', hint: '乡镇（办事处）、机关、企业、事业单位、社会团体、公司、驻县单位' },
  { value: 'INDIVIDUAL', label: '表二 个人', hint: '个人或个体经营者' },
];

const ACCOUNT_TYPES = [
  { value: 'SUBSCRIPTION', label: '订阅号' },
  { value: 'SERVICE', label: '服务号' },
];

const UNIT_TYPES = [
  { value: 'TOWNSHIP', label: '乡镇（办事处）' },
  { value: 'ORGAN', label: '机关' },
  { value: 'ENTERPRISE', label: '企业' },
  { value: 'INSTITUTION', label: '事业单位' },
  { value: 'SOCIAL_GROUP', label: '社会团体' },
  { value: 'COMPANY', label: '公司' },
  { value: 'STATIONED_UNIT', label: '驻县单位' },
];

/** Codes after which only the login page (WeChat login, privacy consent) can help. */
const LOGIN_CODES = ['CONSENT_REQUIRED', 'CONSENT_VERSION_OUTDATED', 'UNAUTHENTICATED', 'REFRESH_TOKEN_INVALID',
  'LOGIN_CODE_INVALID', 'WECHAT_USER_REFUSED'];

function needsLogin(error) {
  return !!error && LOGIN_CODES.indexOf(error.code) >= 0;
}

function isLoggedIn() {
  const current = session.read();
  return !!(current && current.accessToken);
}

function goLogin() {
  wx.navigateTo({ url: '/pages/login/login' });
}

/**
 * A page's load for a signed-in operator: without a session the login page first; otherwise
 * loading → work() → its result, a login error back to the login page, any other as the page's error.
 */
function loadSignedIn(page, work) {
  if (!isLoggedIn()) {
    page.setData({ loading: false });
    goLogin();
    return Promise.resolve();
  }
  page.setData({ loading: true, error: null });
  return work().catch((error) => {
    page.setData({ loading: false });
    if (needsLogin(error)) goLogin();
    else page.setData({ error: { message: error.message, retryable: error.retryable } });
  });
}

function labelOf(options, value) {
  const found = options.find((o) => o.value === value);
  return found ? found.label : '';
}

/** DRAFT and REJECTED filings still have to be (re)submitted: their due date matters. */
function unfinished(status) {
  return status === 'DRAFT' || status === 'REJECTED';
}

/** Which actions the detail page offers for a filing (the server's FilingLifecycle decides in the end). */
function actionsFor(filing) {
  const status = filing.status;
  const editable = unfinished(status);
  const live = status !== 'REVOKED';
  return {
    edit: editable,
    submit: editable,
    materials: live,
    change: status === 'APPROVED',
    revoke: live,
    print: live,
    timeline: true,
    notices: true,
    remind: editable && !!filing.dueOn,
  };
}

/** A list row: name, status badge, due date and overdue flag. */
function summaryRow(f) {
  return {
    id: f.id,
    name: f.accountName || '（未命名公众号）',
    status: f.status,
    statusLabel: f.statusLabel,
    badge: STATUS_BADGES[f.status] || 'badge',
    filingNumber: f.filingNumber || '',
    dueOn: unfinished(f.status) ? f.dueOn || '' : '',
    overdue: !!f.overdue,
  };
}

module.exports = {
  loadSignedIn,
  STATUS_BADGES, FORM_TYPES, ACCOUNT_TYPES, UNIT_TYPES, LOGIN_CODES,
  needsLogin, isLoggedIn, goLogin, labelOf, unfinished, actionsFor, summaryRow,
};
