/* Reference data the pages share: Chinese labels for the server's codes, and the county's townships. */
import { Api } from './api.js';

export const Labels = {
  status: { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已备案', REJECTED: '已退回', REVOKED: '已撤销' },
  formType: { UNIT: '表一（单位及社会团体）', INDIVIDUAL: '表二（个人或个体经营者）' },
  formTypeShort: { UNIT: '单位', INDIVIDUAL: '个人' },
  subjectType: {
    TOWNSHIP: '乡镇（办事处）', ORGAN: '机关', ENTERPRISE: '企业', INSTITUTION: '事业单位', SOCIAL_GROUP: '社会团体',
    COMPANY: '公司', STATIONED_UNIT: '驻县单位', INDIVIDUAL: '个人或个体经营者',
  },
  accountType: { SUBSCRIPTION: '订阅号', SERVICE: '服务号' },
  role: { ADMIN: '管理员', REVIEWER: '审核员', PUBLISHER: '发布员' },
  actor: { OPERATOR: '运营者', STAFF: '工作人员', SYSTEM: '系统' },
  enforcement: {
    PHONE_URGED: '电话督促', WRITTEN_NOTICE: '书面通知', REPORTED_TO_PLATFORM: '报请平台暂停', SUSPENDED: '已暂停',
    CLOSED: '已永久关闭', REFERRED_TO_POLICE: '移交公安机关',
  },
  exportKind: { REGISTRY: '备案台账', ENFORCEMENT: '逾期处置记录' },
  exportStatus: { RUNNING: '正在生成', DONE: '已完成', FAILED: '失败' },
};

/** The server's password rule (PasswordPolicy), shown under every password field. */
export const PASSWORD_HINT = '10至72位，同时包含字母和数字，不能与用户名相同';

/** The township names of the county (public place-name dictionary), loaded once per page load. */
let townshipsPromise = null;

export function townships() {
  if (!townshipsPromise) {
    townshipsPromise = Api.get('/api/regions/dictionary')
      .then(dictionary => (dictionary.townships || []).map(t => t.name))
      .catch(error => {
        townshipsPromise = null; // let the next page try again
        throw error;
      });
  }
  return townshipsPromise;
}
