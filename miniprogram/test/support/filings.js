// Filings as the server answers them (FilingViews: summaries, and details with the masked form).
const session = require('../../utils/session');

function loggedIn() {
  session.save({ accessToken: 'access', refreshToken: 'refresh', operatorId: 7 });
}

function unitForm() {
  return {
    formType: 'UNIT',
    account: {
      name: '睢县发布', wechatId: 'sxfabu', originalId: 'gh_0123456789ab', type: 'SUBSCRIPTION', openedOn: '2016-05-01',
      contentCategory: '政务服务', registrationPlace: '河南省商丘市睢县', operatingPlace: '河南省商丘市睢县', township: '城关回族镇',
      businessScope: '发布本县政务信息',
    },
    unit: {
      name: '睢县融媒体中心', type: 'INSTITUTION', creditCode: '91310110666007217T', address: '睢县凤城大道1号',
      responsiblePerson: { name: '张三', idNumber: '110***********002X', phone: '139****5678' },
      administrator: { name: '李四', idNumber: '440***********0014', phone: '138****5678', position: '宣传干事' },
    },
    individual: null,
  };
}

function filing(overrides) {
  return Object.assign({
    id: 1, status: 'DRAFT', statusLabel: '草稿', version: 3, filingNumber: null, dueOn: '2016-08-10', overdue: true,
    form: unitForm(), rejectionReason: null, revocationReason: null, history: [],
  }, overrides || {});
}

const LABELS = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已备案', REJECTED: '已退回', REVOKED: '已撤销' };

function summary(id, accountName, status, dueOn, overdue, filingNumber) {
  return { id, accountName, status, statusLabel: LABELS[status], filingNumber: filingNumber || null, dueOn, overdue: !!overdue, version: 0 };
}

const ok = (data) => ({ statusCode: 200, data });
const error = (statusCode, code, message, fieldErrors) => ({ statusCode, data: { code, message, fieldErrors: fieldErrors || [] } });

module.exports = { loggedIn, unitForm, filing, summary, LABELS, ok, error };
