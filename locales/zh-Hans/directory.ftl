# 通讯录：找人、留言、常用电话、入住二维码
dir-cmd-contacts = 查看本楼联系人
dir-cmd-contactadd = 添加常用电话（管理员）
dir-cmd-contactdel = 删除常用电话（管理员）
qr-cmd = 生成入住登记二维码

dir-title = 📒 { $place } 联系人
dir-section-teams = 【服务队 · 正在值班】
dir-section-leaders = 【楼里的负责人】
dir-section-party = 【党员亮身份】
dir-section-entries = 【常用电话】
dir-section-ladder = 【小区党支部 · 社区居委会】（工单转到他们那里时找他们）
dir-branch-missing = · 党支部：还没有登记联系人，请向小区管理员询问。
dir-line = · { $label }：{ $name }{ $phone }
dir-line-party = · 党员 { $name }{ $phone }
dir-line-entry = · { $label }：{ $phone }{ $note }
dir-phone-suffix = （电话 { $phone }）
dir-note-suffix = （{ $note }）
dir-party-more = 还有 { $count } 位党员，这里就不一一列出了。
dir-empty = 这里还没有登记联系人，请联系小区管理员补充。
dir-not-found = 没找到这个小区或楼栋，可能已经被删除了。
dir-role-in-building = { $role }（{ $building }）
dir-message-button = ✉️ 给{ $name }留言
dir-none-registered =
    您还没有登记住在哪一户，所以我还不知道该给您看哪栋楼的联系人。
    请扫一扫小区公告栏上的二维码，或者点楼栋群里的登记链接，登记好后再发 /contacts 就可以了。
dir-choose-building = 您登记了好几处房子，想看哪一栋楼的联系人？
dir-group-unbound = 这个群还没有和小区关联，暂时查不到联系人。请小区管理员先把群绑定好。
dir-open-private = 私聊我，给他们留言
dir-private-only = 这个命令请私聊我使用，免得在群里打扰大家。

dir-relay-ask =
    请把想对{ $name }说的话发给我，我来帮您转达。
    您的电话和门牌号不会告诉对方。
dir-relay-ask-reply = 请把想回复{ $name }的话发给我，我来帮您转达。
dir-relay-cancel-button = 不发了
dir-relay-cancelled = 好的，这条留言不发了。
dir-relay-sent = 已经转达给{ $name }了。对方回复时，我会马上告诉您。
dir-relay-text-only = 现在只能转达文字，请用文字写下您想说的话。
dir-relay-gone = 抱歉，这位已经不再使用红管家，消息没法送到了。
dir-relay-refused-self = 这是您自己呀，不用给自己留言。
dir-relay-refused-gone = 抱歉，这位已经不再使用红管家，消息没法送到了。
dir-relay-refused-empty = 留言是空的，请写下您想说的话。
dir-relay-refused-too-long = 留言有点长，请控制在 { $limit } 字以内，分几次发也可以。
dir-relay-incoming =
    📨 { $name } 通过红管家给您留言：

    { $text }

    想回复的话，点下面的“回复”就可以。
dir-relay-reply-button = ↩️ 回复

dir-scope-ask-q = 这张二维码是给“{ $compound }”整个小区用，还是给某一栋楼用？
dir-scope-ask-a = 这个电话是“{ $compound }”整个小区的，还是某一栋楼的？
dir-scope-whole = 整个小区
dir-page-prev = ◀ 上一页
dir-page-next = 下一页 ▶
dir-add-usage =
    请这样写：/contactadd 名称 电话 备注（备注可以不写）
    例如：/contactadd 派出所 110 24小时值班
dir-add-expired = 时间隔得有点久了，请重新发一次 /contactadd。
dir-added = 已添加 #{ $id } { $label }（{ $where }）。居民发 /contacts 就能看到。
dir-del-unknown = 没有这个编号的电话。发 /contactdel 可以查看所有编号。
dir-deleted = 已删除 #{ $id } { $label }。
dir-del-none = 还没有添加过常用电话。
dir-del-list = 常用电话（要删除哪一条，就发 /contactdel 加编号）：
dir-del-item = #{ $id } { $label } { $phone } · { $where }

qr-poster-hint = 用手机相机扫一扫，登记入住，报修、投票、找人都方便
qr-caption =
    “{ $place }”的入住登记二维码。
    打印出来贴在公告栏或单元门口，住户用手机扫一扫就能登记。
    链接：{ $link }
