/* 备案详情 (#/filings/{id}): every field, the status timeline, materials (with what the server's automatic
 * recognition of each photo found when it compared it with the form), enforcement records and the
 * reminders and notices sent about it; a reviewer also gets the review actions. Opened from the queue,
 * the registry or the overdue list. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { go, href } from '../router.js';
import { hasRole } from '../session.js';
import { card, messageBox } from './skeleton.js';
import { reviewActions } from './review-actions.js';
import { enforcementTable } from './enforcement-records.js';
import { noticeHistory } from './notice-history.js';

const { h } = Ui;

export default {
  route: 'filings',
  roles: ['REVIEWER', 'ADMIN'],
  keepNav: true,
  // no title: the header is the account's name with its status
  async load(ctx) {
    const id = encodeURIComponent(ctx.args[0]);
    // the notices are secondary: if they fail, the filing still shows (with the error in their card)
    const notices = Api.get('/api/console/registry/' + id + '/notices').then(list => ({ list }), error => ({ error }));
    if (!hasRole('REVIEWER')) {
      const [filing, history] = await Promise.all([Api.get('/api/console/registry/' + id), notices]);
      return { filing, materials: null, templates: [], notices: history };
    }
    // reviewers see the materials (and open them through audited links) and need the reason templates
    const [detail, templates, history] = await Promise.all([
      Api.get('/api/console/review/filings/' + id),
      Api.get('/api/console/review/reason-templates'),
      notices,
    ]);
    return { filing: detail.filing, materials: detail.materials, templates, notices: history };
  },
  render(container, { filing, materials, templates, notices }) {
    const form = filing.form || {};
    const account = form.account || {};
    const box = messageBox('detail-message');
    // Ui.append skips the parts left out (the DOM's append would write "null" for the review actions of a non-reviewer)
    Ui.append(container, [
      header(filing, account),
      box,
      hasRole('REVIEWER') ? reviewActions(filing, templates, box) : null,
      h('div', { class: 'detail-grid' },
        h('div', { class: 'detail-main' },
          card('公众号信息', facts([
            ['公众号名称', account.name], ['微信号', account.wechatId], ['原始ID', account.originalId],
            ['账号类型', Labels.accountType[account.type] || account.type], ['开通日期', Ui.date(account.openedOn)],
            ['内容类别', account.contentCategory], ['注册地', account.registrationPlace], ['运营地', account.operatingPlace],
            ['所在乡镇', account.township], ['主营业务范围', account.businessScope],
          ])),
          subjectSections(form),
          materials ? materialSection(materials, box) : null,
          filing.enforcement && filing.enforcement.length ? card('处置记录', enforcementTable(filing.enforcement, {})) : null,
          noticeHistory(notices.list, notices.error)),
        h('aside', { class: 'detail-side' },
          card('备案状态', facts([
            ['状态', filing.statusLabel || Labels.status[filing.status]], ['登记表', Labels.formType[form.formType]],
            ['备案编号', filing.filingNumber], ['截止日期', Ui.date(filing.dueOn)], ['提交时间', Ui.dateTime(filing.submittedAt)],
            ['审核时间', Ui.dateTime(filing.decidedAt)],
            ['纸质材料', filing.paperReceivedAt ? '已于 ' + Ui.dateTime(filing.paperReceivedAt) + ' 收到' : '未收到'],
            ['退回原因', filing.rejectionReason], ['撤销原因', filing.revocationReason],
            ['运营者', h('a', { href: href('registry', { operatorId: filing.operatorId }), title: '查看此运营者的全部备案' },
              '#' + filing.operatorId + '（查看其全部备案）')],
            ['版本', filing.version],
          ])),
          card('状态记录', timeline(filing.history || []))))]);
  },
};

function header(filing, account) {
  return h('div', { class: 'page-header' },
    h('div', {},
      h('p', { class: 'crumbs' }, h('button', {
        type: 'button', class: 'link-button', onclick: () => (history.length > 1 ? history.back() : go('registry')),
      }, '← 返回')),
      h('h2', {}, Ui.text(account.name), ' ', Ui.statusBadge(filing.status, filing.statusLabel),
        filing.overdue ? h('span', { class: 'badge badge-overdue' }, '已逾期') : null)),
    h('div', { class: 'filing-number-box' },
      h('span', { class: 'muted' }, '备案编号'),
      h('strong', { id: 'filing-number' }, filing.filingNumber || '尚未分配')));
}

/** Label/value rows; a missing value shows as "—". */
function facts(rows) {
  return h('dl', { class: 'facts' }, rows.map(([label, value]) => [
    h('dt', {}, label), h('dd', {}, value instanceof Node ? value : Ui.text(value === '—' ? null : value))]));
}

function subjectSections(form) {
  if (form.unit) {
    const unit = form.unit;
    const responsible = unit.responsiblePerson || {};
    const admin = unit.administrator || {};
    return [
      card('单位信息', facts([
        ['单位名称', unit.name], ['单位类型', Labels.subjectType[unit.type] || unit.type],
        ['统一社会信用代码', unit.creditCode], ['单位地址', unit.address],
      ])),
      h('div', { class: 'two-columns' },
        card('单位负责人', facts([
          ['姓名', responsible.name], ['身份证号码', responsible.idNumber], ['手机号码', responsible.phone],
        ])),
        card('公众号管理员', facts([
          ['姓名', admin.name], ['身份证号码', admin.idNumber], ['手机号码', admin.phone], ['职务', admin.position],
        ]))),
    ];
  }
  if (form.individual) {
    const person = form.individual;
    return card('个人或个体经营者', facts([
      ['姓名', person.name], ['身份证号码', person.idNumber], ['手机号码', person.phone], ['住址', person.address],
      ['是否个体经营者', person.selfEmployed === true ? '是' : person.selfEmployed === false ? '否' : null],
      ['字号名称', person.businessName], ['营业执照号码', person.licenceNumber],
    ]));
  }
  return card('主体信息', h('p', { class: 'muted' }, '尚未填写'));
}

function timeline(history) {
  if (!history.length) return h('p', { class: 'muted' }, '暂无记录');
  return h('ol', { class: 'timeline' }, history.map(step => h('li', {},
    h('div', { class: 'timeline-when' }, Ui.dateTime(step.at)),
    h('div', { class: 'timeline-what' },
      step.from ? [Labels.status[step.from] || step.from, ' → '] : null,
      h('strong', {}, Labels.status[step.to] || step.to)),
    h('div', { class: 'timeline-who muted' }, (Labels.actor[step.actorType] || step.actorType) + (step.actorId ? ' #' + step.actorId : '')),
    step.reason ? h('div', { class: 'timeline-reason' }, '原因：' + step.reason) : null)));
}

function materialSection(materials, box) {
  const rows = [...materials].sort((a, b) => Number(b.current) - Number(a.current));
  const checked = materials.some(m => m.check);
  return card('材料清单',
    checkSummary(rows),
    Ui.table([
      // with the check column the file's name and size go under the material's name, so that the table fits
      { title: '材料', class: checked ? 'material-cell' : null, render: m => checked
        ? [Ui.text(m.label || m.materialType), h('div', { class: 'material-file muted' }, Ui.text(m.fileName), ' · ', h('span', { class: 'nowrap' }, Ui.fileSize(m.size)))]
        : Ui.text(m.label || m.materialType) },
      checked ? null : { title: '文件名', render: m => Ui.text(m.fileName) },
      checked ? null : { title: '大小', class: 'nowrap', render: m => Ui.fileSize(m.size) },
      { title: '上传时间', class: 'nowrap', render: m => Ui.dateTime(m.uploadedAt) },
      { title: '状态', class: 'nowrap', render: m => m.purged ? '已清理' : m.current ? '当前版本' : '历史版本' },
      checked ? { title: '自动核对', class: 'check-cell', render: m => checkBlock(m) } : null,
      {
        title: '操作', class: 'nowrap', render: m => m.purged ? '—' : h('button', {
          type: 'button', class: 'button small', 'data-material': m.id, onclick: event => openMaterial(event.currentTarget, m, box),
        }, '查看'),
      },
    ].filter(Boolean), rows, {
      empty: '尚未上传材料',
      rowClass: m => [m.current ? '' : 'dimmed', m.current && m.check && m.check.mismatch ? 'check-mismatch-row' : ''].join(' ').trim(),
    }),
    h('p', { class: 'field-hint' }, '“查看”会生成5分钟内有效的链接，并记录查看人和时间。',
      checked ? '“自动核对”是系统识别照片后与填写内容的比对结果，仅供参考，请以原件为准。' : null));
}

/* ---------- automatic check of a material (recognition of the photo compared with the form) */

const OUTCOMES = {
  MATCH: { label: '一致', tone: 'match' },
  MISMATCH: { label: '不一致', tone: 'mismatch' },
  UNREADABLE: { label: '无法识别', tone: 'unreadable' },
};

/** Mismatches of the current materials (a replaced version's findings no longer concern the filing). */
function mismatchCount(materials) {
  return materials.filter(m => m.current && !m.purged && m.check)
    .reduce((count, m) => count + (m.check.results || []).filter(r => r.outcome === 'MISMATCH').length, 0);
}

function checkSummary(materials) {
  const count = mismatchCount(materials);
  if (!count) return null;
  return h('p', { class: 'check-summary', id: 'material-check-summary', role: 'alert' },
    `自动核对发现 ${count} 处不一致，请重点核对`);
}

/** The compact block in a material's row: status, then one line per compared field. */
function checkBlock(material) {
  const check = material.check;
  if (!check) return h('span', { class: 'muted' }, '—');
  const status = String(check.status || '').toLowerCase();
  return h('div', { class: 'check-block' + (check.mismatch ? ' has-mismatch' : ''), 'data-check-status': check.status },
    h('div', { class: 'check-status check-status-' + status },
      Ui.text(check.statusLabel || check.status),
      check.checkedAt ? h('span', { class: 'muted' }, ' ' + Ui.dateTime(check.checkedAt)) : null),
    (check.results || []).map(checkResult));
}

function checkResult(result) {
  const outcome = OUTCOMES[result.outcome] || { label: result.outcome, tone: 'unreadable' };
  // a match says only "一致" unless there is more to it (an ID card's validity: 长期有效, 在有效期内（至…）)
  const note = result.outcome === 'MATCH' && result.message === outcome.label ? null : result.message;
  return h('div', { class: 'check-result check-' + outcome.tone, 'data-check-field': result.field },
    h('span', { class: 'badge badge-check-' + outcome.tone }, outcome.label),
    h('span', { class: 'check-field' }, Ui.text(result.fieldLabel || result.field)),
    result.outcome === 'MISMATCH' ? h('div', { class: 'check-detail' }, comparison(result)) : null,
    note ? h('div', { class: 'check-message' + (result.outcome === 'MATCH' ? ' inline' : '') }, note) : null);
}

/** "照片：张三　填写：李四"; what the form has nothing to compare with (an expired ID card's date) shows the photo only. */
function comparison(result) {
  const photo = '照片：' + Ui.text(result.recognised);
  return result.entered === null || result.entered === undefined ? photo : photo + '　填写：' + Ui.text(result.entered);
}

async function openMaterial(button, material, box) {
  // open the tab within the click, then point it at the link (a tab opened after an await may be blocked)
  const tab = window.open('', '_blank');
  await Ui.busy(button, async () => {
    try {
      const link = await Api.post('/api/console/review/materials/' + material.id + '/link');
      if (tab) {
        tab.opener = null;
        tab.location.href = link.url;
      }
      Ui.showSuccess(box, [
        `已生成“${material.label || material.fileName}”的查看链接，有效期至 ${Ui.dateTime(link.expiresAt)}。`,
        tab ? '' : ' ',
        h('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', id: 'material-link' }, tab ? '若未自动打开，请点此查看' : '点此查看'),
      ]);
    } catch (error) {
      if (tab) tab.close();
      Ui.showError(box, error);
    }
  });
}
