-- Module `account`: a new privacy notice version for material recognition (docs/materials.md).
-- The privacy notice names the new processing and WeChat as the processor; operators consent again.
INSERT INTO account_privacy_notice (version, title, content, published_at)
VALUES ('2026-2', '公众号登记备案平台隐私政策',
        CONCAT('县委网信办依据《互联网用户公众账号信息服务管理规定》开展属地微信公众号登记备案工作。',
               '为完成登记备案，本平台将收集：您的微信标识（openid/unionid）、手机号码，',
               '以及登记备案表所列的单位信息、负责人和管理员的姓名、身份证号码、联系电话，',
               '和您上传的营业执照（组织机构代码证）、身份证复印件等材料。\n',
               '其中身份证号码和身份证影像属于敏感个人信息，仅用于核验公众号主体身份，',
               '加密存储，仅授权工作人员可查看，且每次查看均被记录。\n',
               '材料自动核对：在县委网信办启用时，您上传的身份证照片和营业执照照片将通过短时有效的链接提供给',
               '深圳市腾讯计算机系统有限公司（微信“OCR识别”服务，作为受托处理者）进行文字识别，',
               '识别出的姓名、身份证号码、有效期限、统一社会信用代码、单位名称和法定代表人仅用于与您填写的内容比对，',
               '提示可能的填写错误；识别结果加密保存，与对应材料按同一期限删除。\n',
               '您的信息仅用于登记备案、备案提醒和政策推送，除上述受托处理外不向第三方提供；',
               '公众号注销或备案撤销后按规定期限删除。如需查询、更正或删除个人信息，请联系县委网信办。'),
        '2026-12-01 00:00:00.000');
