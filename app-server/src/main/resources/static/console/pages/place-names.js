/* 地名词典: the words that give an account name a local feature (notice §2.3); they apply at once. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { messageBox, onSubmit } from './skeleton.js';

const { h, field, select } = Ui;

const KIND_LABELS = {
  COUNTY_NAME: '县名', COUNTY_ALIAS: '县的别称', HISTORIC_NAME: '历史名称', TOWNSHIP_NAME: '乡镇名称',
  TOWNSHIP_ALIAS: '乡镇简称', LOCAL_FEATURE: '本地特征词',
};

export default {
  route: 'place-names',
  nav: '地名词典',
  title: '地名词典',
  roles: ['ADMIN'],
  load: () => Api.get('/api/console/admin/place-names'),
  render(container, dictionary) {
    const box = messageBox('place-name-message');
    container.append(
      Ui.message('info', '公众号名称含下列词语之一，即视为具有本县显著本地特征（通知第二条第3项），须登记备案。'),
      box, newWordForm(dictionary.townships, box),
      Ui.table([
        { title: '词语', render: p => p.term },
        { title: '类别', render: p => KIND_LABELS[p.kind] || p.kind },
        { title: '所属乡镇', render: p => Ui.text(p.township) },
        {
          title: '操作', render: p => h('button', {
            type: 'button', class: 'button small', 'data-remove': p.term,
            onclick: async () => {
              if (!window.confirm(`从词典中删除“${p.term}”？`)) return;
              try {
                await Api.del('/api/console/admin/place-names', { term: p.term });
                go('place-names', {});
              } catch (error) {
                Ui.showError(box, error);
              }
            },
          }, '删除'),
        },
      ], dictionary.placeNames, { empty: '词典为空' }));
  },
};

function newWordForm(townships, box) {
  const term = h('input', { name: 'term', id: 'place-name-term', maxlength: 32, required: true, placeholder: '如：恒山湖' });
  const kind = select('kind', Object.entries(KIND_LABELS), 'LOCAL_FEATURE', { id: 'place-name-kind' });
  const township = select('township', [['', '（不属于某个乡镇）'], ...townships.map(t => [t.name, t.name])], '',
    { id: 'place-name-township' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'place-name-submit' }, '新增');
  const form = h('form', { class: 'card' }, h('h3', {}, '新增地名词'),
    h('div', { class: 'filter-grid' }, field('词语', term), field('类别', kind), field('所属乡镇', township, '乡镇名称、简称须选择')),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    await Api.post('/api/console/admin/place-names', { term: term.value.trim(), kind: kind.value, township: township.value || null });
    go('place-names', {});
  });
}
