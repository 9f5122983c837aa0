# 小区设置：新建小区、机器人进出群、/setup 绑定群、/team 服务队
setup-cmd-newcompound = 新建一个小区
setup-cmd-setup = 设置本群属于哪个小区、做什么用
team-cmd-team = 查看和管理服务队

setup-newcompound-private = 新建小区请私聊我，发送 /newcompound 小区名称。
setup-newcompound-denied = 抱歉，只有系统管理员才能新建小区。
setup-newcompound-ask = 请告诉我小区的名称，例如：幸福里小区
setup-compound-exists = 已经有一个叫“{ $name }”的小区了，请换一个名称。
setup-compound-bad-name = 小区名称不能为空，也不能超过 128 个字。请重新发送名称。
setup-compound-created =
    “{ $name }”建好了！您是这个小区的管理员。
    已经为小区建好五支服务队：维修、安保、保洁、绿化、通信。
    接下来：
    · 把我拉进小区的 Telegram 群，在每个群里发送 /setup
    · 发送 /import 导入住户名册
    · 发送 /grant 给大家分配角色，/team 管理服务队

setup-added =
    大家好，我是红管家！
    请小区管理员在本群发送 /setup，告诉我这个群是哪个小区、哪栋楼或哪个服务队的群。
setup-make-admin = 另外，请把我设为本群管理员，这样我才能置顶登记消息。
setup-stranger-leaving = 您好！我只为已经登记的小区服务，需要由小区管理员把我加进群。我先退出了，再见。

setup-group-only = /setup 要在需要设置的群里发送。
setup-refused = 抱歉，只有同时是本群管理员和小区管理员的人才能设置本群。本群的设置没有改变。
setup-not-yours = 这些按钮是给发送 /setup 的那位管理员用的。
setup-cancelled = 已取消，本群的设置没有改变。
setup-cancel = 取消
setup-back = « 返回
setup-choose-compound = 本群属于哪个小区？
setup-choose-purpose = 本群在“{ $compound }”里是做什么用的？
setup-choose-building = 请选择楼栋（“{ $compound }”，第 { $page }/{ $pages } 页）：
setup-choose-team = 请选择服务队（“{ $compound }”）：
setup-purpose-compound = 全小区的群
setup-purpose-building = 某栋楼的群
setup-purpose-team = 服务队工作群
setup-purpose-party = 党支部群
setup-purpose-committee = 业委会群
setup-purpose-office = 社区居委会群
setup-no-buildings = 这个小区还没有楼栋。请先私聊我发送 /import 导入住户名册。
setup-no-teams = 这个小区还没有服务队。请先私聊我发送 /team 添加。
setup-bound-compound = 设置好了：本群是“{ $compound }”的小区群。
setup-bound-building = 设置好了：本群是“{ $compound }”{ $building }的楼栋群。
setup-bound-team = 设置好了：本群是“{ $compound }”{ $team }的工作群。
setup-bound-party = 设置好了：本群是“{ $compound }”的党支部群。
setup-bound-committee = 设置好了：本群是“{ $compound }”的业委会群。
setup-bound-office = 设置好了：本群是“{ $compound }”的社区居委会群。

team-name-repairs = 维修队
team-name-safety = 安保队
team-name-cleaning = 保洁队
team-name-greening = 绿化队
team-name-telecom = 通信队
team-list-title = “{ $compound }”的服务队：
team-list-line = · { $name } [{ $code }]{ $rr } — { $members }
team-rr-mark = （轮流派单）
team-no-members = 还没有队员
team-usage =
    用法：
    /team add 代号 名称 — 新增服务队（代号用英文小写，如 parking）
    /team rename 服务队 新名称 — 改名
    /team rr 服务队 — 打开或关闭轮流派单
    /team join 服务队 @用户名 — 加入队员（在群里也可以回复他的消息）
    /team leave 服务队 @用户名 — 移出队员
team-add-done = 服务队 { $code } 建好了。
team-add-exists = 已经有代号或名称为 { $code } 的服务队了。
team-add-bad-code = 代号“{ $code }”不行：请用 2 到 32 个英文小写字母、数字或下划线，以字母开头。
team-add-bad-name = 名称不能为空，也不能超过 64 个字。
team-renamed = 改好了：“{ $old }”现在叫“{ $name }”（{ $code }）。
team-rr-on = { $name }已打开轮流派单。
team-rr-off = { $name }已关闭轮流派单。
team-member-added = { $name } 已加入{ $team }。
team-member-already = { $name } 已经在{ $team }里了。
team-member-removed = { $name } 已移出{ $team }。
team-member-not = { $name } 不在{ $team }里。
