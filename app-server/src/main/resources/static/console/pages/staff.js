/* 工作人员: staff accounts — create, edit (name, roles, enabled and, for the city office, the 工作范围: the city or one
 * county), reset a password (which unlocks). A change holds from the account's next request. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, PASSWORD_HINT, counties } from '../reference.js';
import { currentUser } from '../session.js';
import { go } from '../router.js';
import { leaveNotice, messageBox, onSubmit, showNotice } from './skeleton.js';

const { h, clear, field } = Ui;

export default {
  route: 'staff',
  nav: '工作人员',
  title: '工作人员',
  roles: ['ADMIN'],
  async load() {
    const [list, served] = await Promise.all([Api.get('/api/console/admin/staff'), counties()]);
    const me = currentUser() || {};
    // the scopes an account may have: the city (its code ends in 00) and each county
    const scopes = me.citywide ? [[me.scopeCode, (me.scopeName || '全市') + '（市级）'], ...served.map(c => [c.code, c.name])] : [];
    return { list, scopes, names: Object.fromEntries([...served.map(c => [c.code, c.name]), ...scopes]) };
  },
  render(container, { list, scopes, names }) {
    const box = messageBox('staff-message');
    const editor = h('div', { id: 'staff-editor' });
    showNotice(box);
    container.append(
      box,
      Ui.table([
        { title: '用户名', render: s => s.username },
        { title: '姓名', render: s => Ui.text(s.displayName) },
        { title: '角色', render: s => s.roles.map(r => Labels.role[r] || r).join('、') },
        { title: '工作范围', render: s => Ui.text(names[s.scopeCode] || s.scopeCode) },
        {
          title: '状态', render: s => [
            h('span', { class: 'badge ' + (s.enabled ? 'badge-approved' : 'badge-revoked') }, s.enabled ? '启用' : '已停用'),
            s.locked ? h('span', { class: 'badge badge-overdue' }, '已锁定') : null],
        },
        {
          title: '操作', render: s => h('div', { class: 'button-row tight' },
            h('button', { type: 'button', class: 'button small', 'data-edit': s.username, onclick: () => editStaff(editor, s, scopes) }, '编辑'),
            h('button', { type: 'button', class: 'button small', 'data-reset': s.username, onclick: () => resetPassword(editor, s) }, '重置密码')),
        },
      ], list, { empty: '暂无工作人员' }),
      editor,
      newStaffForm(scopes));
  },
};

function roleCheckboxes(prefix, selected) {
  return h('div', { class: 'checks' }, Object.entries(Labels.role).map(([role, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'roles', value: role, id: prefix + role.toLowerCase(), checked: selected.includes(role) }), label)));
}

function checkedRoles(form) {
  return [...form.querySelectorAll('input[name=roles]:checked')].map(input => input.value);
}

/** After a save the list is loaded again, and the confirmation shows above it. */
function saved(notice) {
  leaveNotice(notice);
  go('staff');
}

/** The city office chooses an account's scope; a county office's accounts are always its own county's. */
function scopeField(id, scopes, value) {
  return scopes.length ? Ui.select('scopeCode', scopes, value, { id }) : null;
}

function newStaffForm(scopes) {
  const box = messageBox();
  const username = h('input', { name: 'username', id: 'new-username', maxlength: 32, autocomplete: 'off' });
  const displayName = h('input', { name: 'displayName', id: 'new-display-name', maxlength: 32 });
  const password = h('input', { name: 'password', id: 'new-password', type: 'password', maxlength: 72, autocomplete: 'new-password' });
  const scope = scopeField('new-scope', scopes, scopes.length ? scopes[0][0] : '');
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'new-submit' }, '新增');
  const form = h('form', { class: 'card', id: 'new-staff' },
    h('h3', {}, '新增工作人员'), box,
    Ui.append(h('div', { class: 'form-grid' }), [
      field('用户名', username, '3至32位字母、数字或 _ . -，以字母开头'), field('姓名', displayName),
      field('初始密码', password, PASSWORD_HINT),
      scope ? field('工作范围', scope, '市级账号可见全部县（区）；县级账号只见本县（区）') : null]),
    field('角色', roleCheckboxes('new-role-', ['REVIEWER'])),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    const created = await Api.post('/api/console/admin/staff', {
      username: username.value.trim(), displayName: displayName.value.trim(), password: password.value, roles: checkedRoles(form),
      scopeCode: scope ? scope.value : undefined,
    });
    saved(`已新增工作人员 ${created.username}，请将初始密码当面告知本人并提醒其登录后修改。`);
  });
}

function editStaff(editor, person, scopes) {
  const box = messageBox();
  const displayName = h('input', { name: 'displayName', id: 'edit-display-name', value: person.displayName || '', maxlength: 32 });
  const enabled = h('input', { type: 'checkbox', name: 'enabled', id: 'edit-enabled', checked: person.enabled });
  const scope = scopeField('edit-scope', scopes, person.scopeCode);
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'edit-submit' }, '保存');
  const form = h('form', { class: 'card editor' },
    h('h3', {}, '编辑工作人员：' + person.username), box,
    Ui.append(h('div', { class: 'form-grid' }), [field('姓名', displayName),
      scope ? field('工作范围', scope, '调整后立即生效') : null,
      h('label', { class: 'check' }, enabled, '启用（停用后不能登录，已登录的立即退出）')]),
    field('角色', roleCheckboxes('edit-role-', person.roles)),
    h('div', { class: 'button-row' }, submit,
      h('button', { type: 'button', class: 'button', onclick: () => clear(editor) }, '取消')));
  onSubmit(form, submit, box, async () => {
    await Api.put('/api/console/admin/staff/' + person.id,
      { displayName: displayName.value.trim(), enabled: enabled.checked, roles: checkedRoles(form), scopeCode: scope ? scope.value : undefined });
    saved(`已保存 ${person.username} 的信息。`);
  });
  clear(editor).appendChild(form);
  displayName.focus();
}

function resetPassword(editor, person) {
  const box = messageBox();
  const password = h('input', { type: 'password', name: 'newPassword', id: 'reset-password', maxlength: 72, autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'reset-submit' }, '确认重置');
  const form = h('form', { class: 'card editor' },
    h('h3', {}, '重置密码：' + person.username), box,
    field('新密码', password, PASSWORD_HINT + '；重置后同时解除锁定'),
    h('div', { class: 'button-row' }, submit, h('button', { type: 'button', class: 'button', onclick: () => clear(editor) }, '取消')));
  onSubmit(form, submit, box, async () => {
    await Api.post('/api/console/admin/staff/' + person.id + '/password', { newPassword: password.value });
    saved(`已重置 ${person.username} 的密码。`);
  });
  clear(editor).appendChild(form);
  password.focus();
}
