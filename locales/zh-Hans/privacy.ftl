# 个人资料与隐私：电话、公开与否、注销
profile-cmd = 我的资料和电话
privacy-cmd-forgetme = 删除我的个人信息

profile-card =
    👤 您的资料
    名字：{ $name }
    电话：{ $phone }
    管家为您的报修打电话或私信：{ $contact }

    别人能看到的：{ $public }
    您的门牌号永远不会公开。
profile-phone-none = 还没填
profile-public-name = 名字
profile-public-phone = 电话
profile-public-badge = 党员身份
profile-public-sep = 、
profile-btn-set-phone = 📞 填写电话
profile-btn-change-phone = 📞 修改电话
profile-btn-publish = 公开我的电话
profile-btn-hide = 不公开电话
profile-btn-remove-phone = 删除电话
profile-btn-badge-on = 亮出党员身份
profile-btn-badge-off = 不再亮身份
profile-btn-share = 📱 发送我的手机号
profile-btn-cancel = 取消
profile-phone-ask =
    请点下面的“发送我的手机号”，或者直接打出您的电话号码。
    电话默认只有您自己能看到，要不要公开，您说了算。
profile-phone-saved = 电话 { $phone } 已保存。现在只有您自己能看到。
profile-phone-invalid = 这个号码好像不太对，请再打一遍，比如 13812345678。
profile-phone-not-yours = 请发送您自己的手机号，不能替别人填写。
profile-phone-cancelled = 好的，电话没有改动。
profile-updated = 已更新

privacy-forget-confirm =
    确定要删除您在红管家里的个人信息吗？
    · 您的名字、用户名和电话会被删掉
    · 您在小区的住户登记会结束，担任的职务会撤销，服务队里也会把您移出
    · 您提过的事情、投过的票会保留，但不再显示是谁
    删除后不能恢复。以后您再来找我，就当是第一次见面。
privacy-forget-yes = 确定删除
privacy-forget-no = 先不删了
privacy-forget-done = 已经删除了您的个人信息。感谢您一直以来的支持，祝您生活顺心！
privacy-forget-kept = 好的，什么都没有删，您的信息都还在。
privacy-private-only = 个人资料的事情请私聊我，群里大家都看得到。
profile-contact-yes = 可以
profile-contact-no = 不用
profile-btn-contact-on = 允许管家联系我
profile-btn-contact-off = 不用管家联系我
