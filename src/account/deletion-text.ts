/** What deleting an account removes, in the words of server/privacy/account-delete.ts (keep the two in step). */
export const DELETION_REMOVES = [
  '您的称呼：案件中显示为「已注销用户」',
  '登录会话；您的微信身份不再关联此账号，再次使用将是一个新的空账号',
  '律师的执业信息（律所、执业证号、电话）和通知授权次数',
] as const;

/** What the firm keeps, and why. */
export const DELETION_KEEPS = [
  '案件记录：已发布的进展、告知书和沟通备忘',
  '您的知悉回执和异议（含当时记录的姓名、设备信息和 IP 地址）、提问与请求',
  '案件的事件链。这些是律所须保存的执业档案和证据，修改会使核验失败，因此原样保留',
] as const;
