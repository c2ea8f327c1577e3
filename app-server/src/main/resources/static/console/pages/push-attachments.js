/* 附件 on the compose page: PDF, JPEG or PNG files uploaded to a saved draft (multipart, field "file"),
 * listed, and removed. Before the draft is saved there is nothing to attach them to. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { messageBox } from './skeleton.js';

const { h, clear } = Ui;

const TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

export function attachmentsCard(initialPush) {
  let push = initialPush;
  let files = [...((push && push.attachments) || [])];
  const box = messageBox('push-attachment-message');
  const list = h('div', { id: 'push-attachments' });
  const input = h('input', {
    type: 'file', id: 'push-attachment-file', multiple: true, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  });
  // the browser's own file button speaks the browser's language: a button of ours opens it instead
  input.classList.add('visually-hidden');
  const picker = h('div', { class: 'upload-row' },
    input, h('label', { class: 'button', for: 'push-attachment-file', id: 'push-attachment-pick' }, '选择文件上传…'),
    h('span', { class: 'field-hint' }, 'PDF、JPEG、PNG，单个文件不超过 10 MB；运营者在小程序中打开。'));
  const waiting = h('p', { class: 'muted', id: 'push-attachment-wait' }, '保存草稿后即可上传附件。');

  const draw = () => {
    clear(list);
    if (!push) return;
    list.appendChild(Ui.table([
      { title: '文件名', render: a => a.fileName },
      { title: '类型', class: 'nowrap', render: a => TYPES[a.contentType] || a.contentType },
      { title: '大小', class: 'nowrap', render: a => Ui.fileSize(a.sizeBytes) },
      {
        title: '操作', class: 'nowrap', render: a => h('button', {
          type: 'button', class: 'button small', 'data-detach': a.id, onclick: event => remove(event.currentTarget, a),
        }, '删除'),
      },
    ], files, { empty: '尚未添加附件。' }));
  };

  async function remove(button, attachment) {
    await Ui.busy(button, async () => {
      try {
        await Api.del(`/api/console/pushes/${push.id}/attachments/${attachment.id}`);
        files = files.filter(a => a.id !== attachment.id);
        Ui.showSuccess(box, `已删除附件“${attachment.fileName}”。`);
        draw();
      } catch (error) {
        Ui.showError(box, error);
      }
    });
  }

  input.addEventListener('change', async () => {
    const chosen = [...input.files];
    input.value = '';
    input.disabled = true;
    clear(box);
    try {
      for (const file of chosen) {
        Ui.showSuccess(box, `正在上传“${file.name}”…`);
        try {
          files.push(await Api.upload(`/api/console/pushes/${push.id}/attachments`, file));
          Ui.showSuccess(box, `已上传“${file.name}”。`);
        } catch (error) {
          Ui.showError(box, Object.assign(error, { message: `“${file.name}”未上传：${error.message}` }));
        }
        draw();
      }
    } finally {
      input.disabled = false;
    }
  });

  const element = h('section', { class: 'card', id: 'push-attachments-card' }, h('h3', {}, '附件'), box, waiting, list, picker);
  const enable = () => {
    waiting.hidden = !!push;
    picker.hidden = !push;
    draw();
  };
  enable();
  return {
    element,
    /** The draft has just been saved for the first time: attachments can go to it now. */
    setPush(saved) {
      push = saved;
      enable();
    },
  };
}
