/* 网信办信息: the office's name, address, contacts and filing instructions, as operators see them in the mini-program
 * and in the official account's replies, and the account's reply texts for the office's followers. A county office edits its own county's; the city office the city office's
 * (shown to counties without their own) or, choosing a county, that county's. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { counties } from '../reference.js';
import { currentUser } from '../session.js';
import { go } from '../router.js';
import { messageBox, onSubmit, placeFieldErrors, leaveNotice, showNotice } from './skeleton.js';

const { h, field } = Ui;
const MAX_CONTACTS = 20;

export default {
  route: 'office',
  nav: '网信办信息',
  title: '网信办信息',
  roles: ['ADMIN'],
  async load(ctx) {
    const county = ctx.params.county || '';
    const citywide = !!(currentUser() && currentUser().citywide);
    const [office, list, replies] = await Promise.all([
      Api.get('/api/console/admin/office', { county }),
      citywide ? counties().catch(() => []) : [],
      Api.get('/api/console/admin/official-account/replies', { county }),
    ]);
    return { office, counties: list, county, citywide, replies };
  },
  render(container, { office, counties: list, county, citywide, replies }) {
    const box = messageBox('office-message');
    showNotice(box);
    Ui.append(container, [
      citywide ? picker(list, county) : null,
      office.own ? null : Ui.message('info', '本县（区）尚未单独填写，运营者目前看到的是市委网信办的信息（如下）；保存后即显示本县（区）的信息。'),
      box,
      officeForm(office, county, box),
      repliesForm(replies, county)]);
  },
};

const REPLY_LABELS = { WELCOME: '关注欢迎语', HOW_TO_FILE: '备案办法（回复“备案”）', POLICY: '政策（回复“政策”）', HELP: '其他消息的帮助' };

/**
 * 公众号自动回复: the texts this office's followers get. A county's empty text means the city's (shown as the
 * placeholder); {miniprogram} becomes the link that opens the mini-program.
 */
function repliesForm(replies, county) {
  const box = messageBox('replies-message');
  const city = /00$/.test(replies.regionCode);
  const areas = replies.texts.map(text => h('textarea', {
    name: text.code, id: 'reply-' + text.code.toLowerCase(), rows: 3, maxlength: 1000,
    placeholder: text.own ? '' : '沿用市级：' + text.content,
  }, text.own ? text.content : ''));
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'replies-submit' }, '保存自动回复');
  const form = h('form', { class: 'card', id: 'office-replies' }, h('h3', {}, '公众号自动回复'), box,
    h('p', { class: 'field-hint' }, city
      ? '全市各县（区）的关注者默认收到这些回复；“{miniprogram}”处显示打开小程序的链接。'
      : '本县（区）的关注者（最近一次备案属于本县（区）的运营者）收到这些回复；留空即沿用市级的。'),
    replies.texts.map((text, i) => field(REPLY_LABELS[text.code] || text.code, areas[i])),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    const texts = Object.fromEntries(areas.map(area => [area.name, area.value.trim()]));
    await Api.put('/api/console/admin/official-account/replies' + Api.query({ county }), { texts });
    leaveNotice('已保存自动回复，30秒内生效');
    go('office', { county });
  });
}

/** The city office chooses whose information to edit: the city office's own or a county's. */
function picker(list, county) {
  const choice = Ui.select('county', [['', '市委网信办（本市）'], ...list.map(c => [c.code, c.name])], county, { id: 'office-county' });
  choice.addEventListener('change', () => go('office', { county: choice.value }));
  return h('div', { class: 'card' }, field('编辑哪个网信办的信息', choice, '未单独填写的县（区），运营者看到的是市委网信办的信息'));
}

function officeForm(office, county, box) {
  const profile = office.profile || {};
  const name = h('input', { name: 'name', id: 'office-name', maxlength: 100, required: true, value: profile.name || '' });
  const address = h('input', { name: 'address', id: 'office-address', maxlength: 200, required: true, value: profile.address || '' });
  const email = h('input', { name: 'email', id: 'office-email', type: 'email', maxlength: 100, value: profile.email || '' });
  const instructions = h('textarea', { name: 'instructions', id: 'office-instructions', rows: 5, maxlength: 4000, required: true },
    profile.instructions || '');
  const rows = h('div', { id: 'office-contacts' });
  for (const contact of profile.contacts || []) rows.appendChild(contactRow(contact));
  const add = h('button', { type: 'button', class: 'button small', id: 'office-contact-add' }, '添加联系人');
  add.addEventListener('click', () => {
    if (rows.children.length < MAX_CONTACTS) rows.appendChild(contactRow({}));
  });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'office-submit' }, '保存');
  const form = h('form', { class: 'card' },
    h('div', { class: 'filter-grid' },
      h('div', { 'data-field': 'name' }, field('名称', name)),
      h('div', { 'data-field': 'address' }, field('办公地址', address)),
      h('div', { 'data-field': 'email' }, field('电子邮箱', email))),
    h('div', { 'data-field': 'instructions' }, field('备案须知', instructions)),
    h('h3', {}, '联系人'),
    h('p', { class: 'field-hint' }, '按顺序显示，每位需填写电话或电子邮箱，最多 20 位。'),
    h('div', { 'data-field': 'contacts' }, rows),
    h('div', { class: 'button-row' }, add, submit));
  return onSubmit(form, submit, box, async () => {
    const body = {
      name: name.value.trim(), address: address.value.trim(), email: email.value.trim() || null,
      instructions: instructions.value.trim(),
      contacts: [...rows.children].map(row => ({
        name: row.querySelector('[name=contactName]').value.trim(),
        phone: row.querySelector('[name=contactPhone]').value.trim() || null,
        email: row.querySelector('[name=contactEmail]').value.trim() || null,
      })).filter(c => c.name || c.phone || c.email),
    };
    try {
      await Api.put('/api/console/admin/office' + Api.query({ county }), body);
    } catch (error) {
      throw placeFieldErrors(form, error);
    }
    leaveNotice('已保存，运营者即时可见');
    go('office', { county });
  });
}

function contactRow(contact) {
  const row = h('div', { class: 'filter-grid office-contact' },
    field('姓名', h('input', { name: 'contactName', maxlength: 32, value: contact.name || '' })),
    field('电话', h('input', { name: 'contactPhone', maxlength: 20, value: contact.phone || '' })),
    field('电子邮箱', h('input', { name: 'contactEmail', type: 'email', maxlength: 100, value: contact.email || '' })));
  const remove = h('button', { type: 'button', class: 'button small' }, '删除');
  remove.addEventListener('click', () => row.remove());
  row.appendChild(remove);
  return row;
}
