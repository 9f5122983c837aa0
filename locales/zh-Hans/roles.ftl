# 角色：/grant /revoke /roles，党员标记 /partymember，亮身份 /badge
role-cmd-grant = 给某人分配角色
role-cmd-revoke = 取消某人的角色
role-cmd-roles = 查看小区里谁担任什么角色
role-cmd-partymember = 标记或取消党员身份
role-cmd-badge = 亮出或收起党员身份

role-name-admin = 管理员
role-name-steward = 管家
role-name-organizer = 活动组织者
role-name-party_branch = 党支部
role-name-community_officer = 社区干部
role-name-owners_committee = 业委会成员
role-name-grid_worker = 网格员
role-name-liaison_head = 联户长
role-name-building_leader = 楼栋长
role-name-mediator = 调解员
role-name-merchant = 商户
role-name-finance = 物业财务
role-choice = { $name }（{ $code }）
role-with-scope = { $role }（{ $scope }）

role-group-unbound = 本群还没有设置属于哪个小区。请小区管理员先在本群发送 /setup。
role-denied = 抱歉，您没有这项权限，什么都没有改变。
role-grant-usage =
    用法：
    · 在小区的群里，回复那个人的消息：/grant 角色 [楼栋或服务队]
    · 私聊我：/grant 角色 @用户名（或数字 ID）[楼栋或服务队]
    例如：/grant 楼栋长 @wang 3号楼，/grant 管家 @li 维修
role-revoke-usage =
    用法：
    · 在小区的群里，回复那个人的消息：/revoke 角色
    · 私聊我：/revoke 角色 @用户名（或数字 ID）
    管家可以只移出某个服务队：/revoke 管家 @li 维修
role-unknown-role = 没有这个角色。可以用的角色有：{ $roles }
role-unknown-person = 我还不认识这个人。请他先私聊我发一句 /start，或者在群里回复他的消息。
role-unknown-team = 没有找到服务队“{ $team }”。现有的服务队：{ $teams }
role-unknown-building = 没有找到楼栋“{ $building }”。请按住户名册里的楼栋名称输入。
role-no-scope = { $role }不分楼栋或服务队，请不要在后面加其他内容。
role-granted = 好的，{ $name } 现在是“{ $compound }”的{ $role }。我已经通知了本人。
role-revoked = 好的，已取消 { $name } 在“{ $compound }”的{ $role }角色。我已经通知了本人。
role-already = { $name } 已经是“{ $compound }”的{ $role }了，没有改动。
role-not-granted = { $name } 在“{ $compound }”没有{ $role }这个角色，没有改动。
role-last-admin = { $name } 是“{ $compound }”唯一的管理员，不能取消。请先给另一个人分配{ $role }角色。
role-granted-notice = 您好！您已被任命为“{ $compound }”的{ $role }。发送 /help 看看您现在可以做什么。
role-revoked-notice = 您好，您在“{ $compound }”的{ $role }角色已经取消。感谢您的付出！
role-team-joined-notice = 您好！您已加入“{ $compound }”的{ $team }。
role-team-left-notice = 您好，您已不在“{ $compound }”的{ $team }里了。感谢您的付出！

role-list-title = “{ $compound }”的角色：
role-list-line = · { $role }：{ $who }
role-list-empty = 还没有人担任角色。
role-badge-mark = （党员）

role-party-usage =
    用法：
    · 在小区的群里，回复那个人的消息：/partymember（取消用 /partymember off）
    · 私聊我：/partymember @用户名（或数字 ID）[on 或 off]
role-party-marked = 已标记 { $name } 为党员。本人可以发送 /badge on 亮出身份。
role-party-unmarked = 已取消 { $name } 的党员标记。
role-party-already = { $name } 已经标记为党员了。
role-party-already-not = { $name } 本来就没有党员标记。
role-party-marked-notice = 您好！“{ $compound }”已将您登记为党员。如果愿意亮出身份，请私聊我发送 /badge on。
role-party-unmarked-notice = 您好，“{ $compound }”已取消您的党员登记。

role-badge-private = 亮身份请私聊我发送 /badge on 或 /badge off。
role-badge-status-on = 您现在亮出了党员身份。
role-badge-status-off = 您现在没有亮出党员身份。
role-badge-usage = 发送 /badge on 亮出身份，/badge off 收起。
role-badge-not-member = 只有登记过的党员才能亮身份。如果您是党员，请联系小区党支部或管理员登记。
role-badge-already-on = 您已经亮出了党员身份。
role-badge-already-off = 您的党员身份本来就是收起的。
role-badge-on = 好的，已亮出您的党员身份。大家会在您的名字旁看到“党员”。
role-badge-off = 好的，已收起您的党员身份。
