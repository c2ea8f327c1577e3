/* 提醒规则: the automatic reminders (deadline, new accounts, sent back, overdue, yearly confirmation) and
 * the staff's overdue digest — each rule a card (reminder-rule-card.js) — and 立即运行, which runs the
 * scan and the dispatch at once instead of waiting for the 15-minute timer. Rules are per office: the city
 * office's are every county's default; a county may have its own of a rule (the rest 沿用全市设置). A county
 * office edits its own; the city office its own or, choosing a county, that county's. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { counties } from '../reference.js';
import { currentUser } from '../session.js';
import { go } from '../router.js';
import { messageBox, onClick, pageHeader, showNotice } from './skeleton.js';
import { ruleCard } from './reminder-rule-card.js';

const { h, field } = Ui;

export default {
  route: 'reminder-rules',
  nav: '提醒规则',
  roles: ['ADMIN'],
  // no title: the header carries the 立即运行 button
  async load(ctx) {
    const county = ctx.params.county || '';
    const citywide = !!(currentUser() && currentUser().citywide);
    const [rules, list] = await Promise.all([
      Api.get('/api/console/admin/reminder-rules', { county }),
      citywide ? counties().catch(() => []) : [],
    ]);
    return { rules, counties: list, county, citywide };
  },
  render(container, { rules, counties: list, county, citywide }) {
    const box = messageBox('reminder-run-message');
    showNotice(box);
    // a county's rules: the city office's chosen county, or a county office's own
    const countyView = citywide ? !!county : true;
    const run = h('button', { type: 'button', class: 'button primary header-button', id: 'reminder-run' }, '立即运行');
    onClick(run, box, async () => {
      const answer = await Api.post('/api/console/admin/reminder-rules/run');
      Ui.showSuccess(box, describeRun(answer));
      if (answer.quietUntil) box.appendChild(h('div', { id: 'reminder-run-quiet' }, Ui.message('info', describeQuiet(answer.quietUntil))));
    });
    container.append(
      pageHeader('提醒规则', h('span', { class: 'muted' }, '系统每15分钟自动检查一次；夜间免打扰时段内只登记不发送，次日早上统一发出'), run),
      citywide ? picker(list, county) : '',
      countyView ? Ui.message('info', '标有“沿用全市设置”的规则与全市相同，由市委网信办设置；修改保存后成为本县（区）自己的规则，'
        + '可随时恢复为全市设置。逾期日报由市委网信办统一设置。') : '',
      box,
      ...(rules.length ? rules.map(rule => ruleCard(rule, { county, countyView })) : [Ui.message('info', '暂无提醒规则')]));
  },
};

/** The city office chooses whose rules to edit: the city's (every county's default) or a county's own. */
function picker(list, county) {
  const choice = Ui.select('county', [['', '全市设置（各县（区）默认）'], ...list.map(c => [c.code, c.name])], county,
    { id: 'reminder-rules-county' });
  choice.addEventListener('change', () => go('reminder-rules', { county: choice.value }));
  return h('div', { class: 'card' }, field('编辑哪里的提醒规则', choice, '县（区）未单独设置的规则沿用全市设置'));
}

/** The run's figures in words; a null figure: another server was doing that part at the moment. */
function describeRun({ candidates, sent, cancelled, digests }) {
  const scan = candidates === null || candidates === undefined
    ? '另一台服务器正在检查，本次未检查。'
    : `已检查完毕：符合提醒条件的备案 ${candidates} 个（已登记过的提醒不会重复登记）。`;
  const dispatch = sent === null || sent === undefined
    ? '另一台服务器正在发送，本次未发送。'
    : `已发出提醒 ${sent} 条，取消不再需要的提醒 ${cancelled} 条，发送工作人员逾期日报 ${digests} 份。`;
  return scan + dispatch;
}

/** quietUntil (when the quiet hours end, Beijing time) in words: "…将于 08:00 发出", naming the day unless it is today. */
function describeQuiet(quietUntil) {
  const [day, time] = Ui.dateTime(quietUntil).split(' ');
  const tomorrow = Ui.date(new Date(Date.parse(Ui.today() + 'T12:00:00+08:00') + 24 * 3600 * 1000).toISOString());
  const when = day === Ui.today() ? `今天 ${time}` : day === tomorrow ? `明天 ${time}` : `${day} ${time}`;
  return `现在是免打扰时段，找到的提醒暂不发送，将于${when} 发出。`;
}
