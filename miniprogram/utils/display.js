// Display helpers for the materials, timeline, inbox and notices pages: the server's times (ISO with
// the Beijing offset, e.g. 2026-03-02T09:15:00+08:00) as "2026-03-02 09:15", statuses and actors in
// Chinese, file sizes.
const STATUS_LABELS = {
  DRAFT: '草稿',
  SUBMITTED: '待审核',
  APPROVED: '已备案',
  REJECTED: '已退回',
  REVOKED: '已撤销',
};

const ACTOR_LABELS = {
  OPERATOR: '本人',
  STAFF: '网信办',
  SYSTEM: '系统',
};

/** Where an inbox item comes from. */
const SOURCE_LABELS = {
  POLICY: '政策通知',
  POLICY_TEST: '测试消息',
  REMINDER: '提醒',
  REVIEW_RESULT: '审核结果',
};

function sourceLabel(sourceType) {
  return SOURCE_LABELS[sourceType] || '消息';
}

/** "2026-03-02T09:15:30+08:00" → "2026-03-02 09:15" (the server already answers Beijing time). */
function time(value) {
  if (!value) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(value));
  return match ? match[1] + ' ' + match[2] : String(value);
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '') + ' MB';
}

function statusLabel(status) {
  return STATUS_LABELS[status] || status || '';
}

function actorLabel(actorType) {
  return ACTOR_LABELS[actorType] || actorType || '';
}

/** What a transition means to the operator ("提交审核", "退回修改" …). */
function transitionLabel(from, to, actorType) {
  if (!from && to === 'DRAFT') return '创建备案';
  if (to === 'SUBMITTED') {
    if (from === 'REJECTED') return '修改后重新提交';
    if (from === 'APPROVED') return '申请变更备案信息';
    return '提交审核';
  }
  if (to === 'APPROVED') return '审核通过';
  if (to === 'REJECTED') return '退回修改';
  if (to === 'REVOKED') return actorType === 'OPERATOR' ? '本人撤销备案' : '撤销备案';
  return statusLabel(to);
}

module.exports = { STATUS_LABELS, ACTOR_LABELS, SOURCE_LABELS, sourceLabel, time, size, statusLabel, actorLabel, transitionLabel };
