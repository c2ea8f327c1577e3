/* 备案期: the filing campaigns; every change recomputes the due dates on the server, in the background. A campaign is
 * city-wide (set by the city office) or one county's: a county office sees both and changes its own only. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { counties } from '../reference.js';
import { currentUser } from '../session.js';
import { go } from '../router.js';
import { messageBox, onSubmit } from './skeleton.js';

const { h, field } = Ui;

export default {
  route: 'campaigns',
  nav: '备案期',
  title: '集中登记备案期',
  roles: ['ADMIN'],
  async load() {
    const [list, countyList] = await Promise.all([Api.get('/api/console/admin/campaigns'), counties().catch(() => [])]);
    return { list, countyList };
  },
  render(container, { list, countyList }) {
    const box = messageBox('campaign-message');
    const user = currentUser() || {};
    const names = Object.fromEntries(countyList.map(c => [c.code, c.name]));
    // a county office may change its own county's campaigns only
    const mine = c => user.citywide || (c.countyCode && c.countyCode === user.scopeCode);
    container.append(box,
      Ui.table([
        { title: '名称', render: c => Ui.text(c.name) },
        { title: '适用范围', render: c => c.countyCode ? (names[c.countyCode] || c.countyCode) : '全市' },
        { title: '开始日期', render: c => c.startsOn },
        { title: '结束日期', render: c => c.endsOn },
        {
          title: '操作', render: c => !mine(c) ? h('span', { class: 'muted' }, '由市委网信办管理') : h('button', {
            type: 'button', class: 'button small', 'data-delete': c.id,
            onclick: async () => {
              if (!window.confirm(`删除“${c.name}”？删除后截止日期将重新计算。`)) return;
              try {
                await Api.del('/api/console/admin/campaigns/' + c.id);
                go('campaigns', {});
              } catch (error) {
                Ui.showError(box, error);
              }
            },
          }, '删除'),
        },
      ], list, { empty: '尚无集中登记备案期' }),
      newCampaignForm(box, user.citywide ? countyList : null));
  },
};

/** countyList: the city office chooses 全市 or a county; a county office's campaign is its county's. */
function newCampaignForm(box, countyList) {
  const name = h('input', { name: 'name', id: 'campaign-name', maxlength: 100, required: true, placeholder: '如：2027年集中登记备案' });
  const startsOn = h('input', { type: 'date', name: 'startsOn', id: 'campaign-starts', required: true });
  const endsOn = h('input', { type: 'date', name: 'endsOn', id: 'campaign-ends', required: true });
  const county = countyList ? Ui.select('countyCode', [['', '全市各县（区）'], ...countyList.map(c => [c.code, c.name])], '',
    { id: 'campaign-county' }) : null;
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'campaign-submit' }, '新增');
  const form = h('form', { class: 'card' }, h('h3', {}, '新增集中登记备案期'),
    h('div', { class: 'filter-grid' }, field('名称', name), field('开始日期', startsOn), field('结束日期', endsOn),
      county ? field('适用范围', county) : null),
    h('p', { class: 'field-hint' }, '保存后系统在后台重新计算各公众号的备案截止日期。'),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    await Api.post('/api/console/admin/campaigns', {
      name: name.value.trim(), startsOn: startsOn.value, endsOn: endsOn.value, countyCode: county && county.value ? county.value : null,
    });
    go('campaigns', {});
  });
}
