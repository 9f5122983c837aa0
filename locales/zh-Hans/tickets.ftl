# 报修与投诉工单（tk-）

## 命令
tk-cmd-report = 报修、投诉、提建议
tk-cmd-mytickets = 我的工单
tk-cmd-t = 查看工单详情：/t 工单号
tk-cmd-ticket = 回复某条消息，替他登记工单
tk-cmd-queue = 我的待办工单
tk-cmd-public = 回复工单卡片，发一条可以公开在群里的回复
tk-cmd-note = 回复工单卡片，写内部备注
tk-cmd-canned = 常用回复
tk-cmd-party = 纠纷：登记另一方
tk-cmd-agree = 纠纷：记录调解协议
tk-cmd-stats = 工单统计
tk-cmd-digest = 发布“您说我办”汇总
tk-cmd-tkconfig = 工单设置

## 分类、区域、状态、层级
tk-cat-repair = 报修
tk-cat-complaint = 投诉
tk-cat-suggestion = 建议
tk-cat-wish = 心愿
tk-cat-dispute = 纠纷
tk-cat-safety = 安全急事
tk-area-home = 家里
tk-area-lift = 电梯
tk-area-garage = 车库
tk-area-gate = 小区大门
tk-area-greenery = 绿化
tk-area-other = 其他公共区域
tk-status-new = 待受理
tk-status-accepted = 已受理
tk-status-in_progress = 处理中
tk-status-waiting = 等待您回复
tk-status-resolved = 已处理，待确认
tk-status-closed = 已办结
tk-status-rejected = 未受理
tk-status-duplicate = 已合并
tk-status-reopened = 重新处理
tk-level-1 = 物业服务队
tk-level-2 = 小区党支部
tk-level-3 = 社区居委会
tk-desk = 小区党支部
tk-team = { $code ->
    [repairs] 维修队
    [safety] 安保队
    [cleaning] 保洁队
    [greening] 绿化队
    [telecom] 通信队
   *[other] { $code }
}
tk-anonymous = 一位邻居
tk-anonymous-staff = 匿名住户
tk-who-system = 系统
tk-where-building = { $building } · { $area }
tk-where-area = { $area }
tk-where-home-btn = 我家：{ $home }
tk-reason-accept-late = 超时未受理
tk-reason-resolve-late = 超时未办结
tk-reason-manual = 工作人员上报
tk-reason-not-fixed = 住户反映还没修好
tk-reason-accept-soon = 快到受理时限了
tk-reason-resolve-soon = 快到办结时限了

## 私聊报事
tk-report-no-compound = 您还没有登记住址，暂时不能报事。请先发送 /register 登记，或在楼栋群里直接发“#报修 内容”。
tk-report-which-compound = 请选择小区：
tk-ask-category = 您要反映什么事？请选一类：
tk-ask-description =
    好的，{ $category }。请用几句话说说情况，比如哪里、什么问题、从什么时候开始。
    也可以发照片。
tk-got-text = 收到了。还可以继续补充文字或发照片，说完了请点“下一步”。
tk-got-photo = 照片收到了（共 { $count } 张）。说完了请点“下一步”。
tk-err-need-text = 请先用文字说一下情况，再点“下一步”。
tk-err-description-kind = 请发文字或照片来说明情况。
tk-err-too-many-photos = 照片最多 { $limit } 张，已经够啦。
tk-ask-where = 问题在哪里？请点下面的按钮，或者直接写出地点（例如：3号楼后面的路灯），也可以发一个位置（📎 → 位置）。
tk-confirm =
    请核对一下：
    类别：{ $category }
    地点：{ $where }
    情况：{ $text }
    照片：{ $photos } 张
    没问题就点“提交”。选“匿名提交”的话，其他住户看不到您的姓名和门牌，工作人员照常为您办理。
tk-btn-send = 提交
tk-btn-send-anon = 匿名提交
tk-btn-cancel = 取消
tk-btn-next = 下一步
tk-report-cancelled = 好的，已取消。需要时再发 /report。
tk-created =
    已登记，工单号 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }负责。
    按规定最晚 { $due } 前会有人受理，进展我会随时告诉您。{ $anonymous }
tk-created-anon = （匿名：其他住户看不到您的姓名和门牌）
tk-dup-offer =
    最近已经有人反映过类似的事：
    #{ NUMBER($number, useGrouping: 0) } { $category }：{ $text }
    是同一件事吗？点“+1”就能一起跟进，处理进展也会告诉您。
tk-btn-plus-one = 是同一件事，+1 到 #{ NUMBER($number, useGrouping: 0) }
tk-btn-new-problem = 不是，是新问题
tk-plus-done = 好的，{ $name }，您已加入工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }负责），有进展会第一时间告诉您。

## 群里报事
tk-group-created = 已登记工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }负责。有同样问题的邻居可以点下面的按钮。
tk-btn-me-too = 我也遇到了
tk-plus-done-alert = 已为您加入工单 #{ NUMBER($number, useGrouping: 0) }。进展会私聊告诉您；如果还没和我私聊过，请先私聊我点“开始”。
tk-group-unbound = 这个群还没有和小区关联，暂时不能在这里报事。请联系小区管理员用 /setup 设置。
tk-group-not-residents = 这里是工作群，报事请在住户群里发，或私聊我发送 /report。
tk-err-unknown-tag = 不认识“{ $tag }”这个标签。请用 #报修 #投诉 #建议 #心愿 #纠纷 开头，后面写清情况。
tk-err-empty-group = 请在标签后面写清楚情况，例如：#报修 3号楼电梯不动了
tk-err-not-your-draft = 这个按钮是给发消息的那位邻居的。
tk-ticket-usage = 请回复需要登记的那条消息，再发 /ticket。
tk-err-file-for-denied = 只有工作人员和楼栋长等可以替别人登记。您自己有事可以直接发“#报修 内容”。
tk-err-empty-original = 那条消息里没有文字，没法登记。

## 工作卡片
tk-card =
    { $urgent }{ $late }工单 #{ NUMBER($number, useGrouping: 0) } · { $category } · { $level }
    地点：{ $where }
    报告人：{ $reporter }{ $contact }
    负责：{ $team }{ $assignee }
    状态：{ $status }
    提交：{ $created }{ $due }{ $photos }{ $plus }
    ——————
    { $text }{ $more }
tk-card-urgent = 【紧急】
tk-card-contact = { "" } · 联系：{ $how }
tk-card-assignee = （{ $name }）
tk-card-due = { "" } · 时限 { $due }
tk-card-overdue = { "" } · 已超时（时限 { $due }）
tk-card-photos = { "" } · 照片 { $count } 张
tk-card-plus = { "" } · 另有 { $count } 户反映
tk-card-more = （全文共 { $count } 字，见下条）
tk-card-fulltext =
    工单 #{ NUMBER($number, useGrouping: 0) } 全文：
    { $text }
tk-photo-caption = 工单 #{ NUMBER($number, useGrouping: 0) } 照片 { $n }/{ $count }
tk-btn-take = 接单
tk-btn-resolve = 已处理
tk-btn-handover = 转交
tk-btn-escalate = 上报
tk-btn-duplicate = 重复工单…
tk-btn-wait = 问住户
tk-btn-reject = 不予受理
tk-btn-to-queue = 退回待接单
tk-took = 您已接下工单 #{ NUMBER($number, useGrouping: 0) }，请尽快联系处理。
tk-resolved-ok = 工单 #{ NUMBER($number, useGrouping: 0) } 已标为处理完，正在请住户确认。
tk-escalated-ok = 工单 #{ NUMBER($number, useGrouping: 0) } 已上报到{ $level }。
tk-prompt-wait = { $name }，请直接发一条消息，写下要问住户的问题（工单 #{ NUMBER($number, useGrouping: 0) }）。发 /cancel 取消。
tk-prompt-rej = { $name }，请发一条消息说明不予受理的原因（工单 #{ NUMBER($number, useGrouping: 0) }），住户会看到。发 /cancel 取消。
tk-prompt-dup = { $name }，工单 #{ NUMBER($number, useGrouping: 0) } 和哪个工单重复？请发那个工单号，例如 12。发 /cancel 取消。
tk-prompt-hand-who = 工单 #{ NUMBER($number, useGrouping: 0) } 转交给谁？
tk-prompt-hand = { $name }，请发一条消息说明转交原因（工单 #{ NUMBER($number, useGrouping: 0) }）。发 /cancel 取消。
tk-prompt-cancelled = 好的，已取消。
tk-done-wait = 已把问题转给住户，工单 #{ NUMBER($number, useGrouping: 0) } 暂停计时，等住户回复。
tk-done-rej = 工单 #{ NUMBER($number, useGrouping: 0) } 已标为不予受理，原因已告诉住户。
tk-done-dup = 工单 #{ NUMBER($number, useGrouping: 0) } 已合并，报告人会转到另一个工单继续跟进。
tk-done-hand = 工单 #{ NUMBER($number, useGrouping: 0) } 已转交。
tk-err-dup-number = 请只发工单号数字，例如 12。

## 双向沟通
tk-relay-out =
    工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）有新回复：
    { $text }
    —— { $steward }，{ $team }
    想回复的话，直接回复这条消息就行。
tk-relay-in =
    工单 #{ NUMBER($number, useGrouping: 0) } 住户回复（{ $who }）：
    { $text }
tk-relayed-out = 已转达给 { $count } 位报告人。
tk-relayed-in = 已转给工单 #{ NUMBER($number, useGrouping: 0) } 的工作人员。
tk-err-reply-text = 请用文字回复。
tk-note-usage = 请回复工单卡片，发送“/note 备注内容”。备注只有工作人员能看到。
tk-note-saved = 已记下工单 #{ NUMBER($number, useGrouping: 0) } 的内部备注，不会发给住户。
tk-canned-where = 常用回复在服务队的工作群里管理和使用。
tk-canned-denied = 只有本队成员可以管理常用回复。
tk-canned-usage =
    常用回复用法：
    /canned — 查看列表
    /canned add 标题: 回复内容 — 新增
    /canned del 2 — 删除第2条
    回复工单卡片发 /canned 2 — 把第2条发给住户
tk-canned-empty = 还没有常用回复。用“/canned add 标题: 回复内容”添加。
tk-canned-list = 常用回复（回复工单卡片发 /canned 序号即可使用）：
tk-canned-line = { $n }. { $title }：{ $text }
tk-canned-added = 已添加常用回复“{ $title }”。
tk-canned-removed = 已删除常用回复“{ $title }”。
tk-canned-exists = 已经有叫“{ $title }”的常用回复了。
tk-canned-unknown = 没有第 { $n } 条常用回复。发 /canned 查看列表。

## 通知住户
tk-n-taken = { $recipient }您好，您反映的工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已由{ $team }的{ $steward }接手处理。
tk-n-waiting =
    { $recipient }您好，关于工单 #{ NUMBER($number, useGrouping: 0) }，{ $team }的{ $steward }想问您：
    { $text }
    请直接回复这条消息。
tk-n-resolved =
    { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已处理。{ $note }
    请问问题解决了吗？
tk-note-line = 处理情况：{ $note }
tk-btn-fixed = 解决了
tk-btn-notfixed = 还没解决
tk-n-rejected =
    { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）暂不受理，原因是：
    { $reason }
    如有疑问，可以直接回复这条消息。
tk-n-duplicate = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) } 和工单 #{ NUMBER($survivor, useGrouping: 0) } 是同一件事，已合并。之后的进展会按 #{ NUMBER($survivor, useGrouping: 0) } 告诉您。
tk-n-escalated = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已上报到{ $level }（{ $reason }），会有专人跟进。{ $contacts }
tk-n-reopened = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) } 有住户反映还没解决，已重新处理。
tk-n-closed-confirmed = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已确认解决，办结了。谢谢您的反映！
tk-n-closed-unconfirmed = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）处理后 3 天没有收到回复，已按“已处理”办结。如果问题还在，请重新报事。
tk-n-filed-for-you =
    { $recipient }您好，工作人员根据您在群里的留言，替您登记了工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }负责：
    { $text }
    有进展会在这里告诉您，也可以直接回复这条消息补充情况。
tk-n-assigned = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）轮到您接单了，请在工作群卡片上点“接单”。
tk-n-handed-to-you = { $steward }把工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）转交给了您，原因：{ $reason }。请在卡片上点“接单”。
tk-n-party-added = { $recipient }您好，您被登记为纠纷工单 #{ NUMBER($number, useGrouping: 0) } 的一方，调解员会联系您，调解协议也会发到这里请您确认。
tk-n-agreement =
    { $recipient }您好，纠纷工单 #{ NUMBER($number, useGrouping: 0) } 的调解协议如下：
    { $text }
    您同意吗？
tk-btn-agree-yes = 同意
tk-btn-agree-no = 不同意
tk-n-agreement-declined = 工单 #{ NUMBER($number, useGrouping: 0) } 的调解协议有一方不同意，调解员会继续协调。
tk-n-mediated =
    纠纷工单 #{ NUMBER($number, useGrouping: 0) } 双方都已同意调解协议，调解成功，工单办结：
    { $text }
tk-vote-waiting = 您已同意，正在等另一方确认。
tk-vote-mediated = 双方都已同意，工单 #{ NUMBER($number, useGrouping: 0) } 调解成功。
tk-vote-declined = 已记下您不同意，调解员会继续协调。

## 工作群提示
tk-info-escalated =
    【知会】工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }）已上报到{ $level }。
    地点：{ $where }
    情况：{ $text }
tk-w-confirmed = 工单 #{ NUMBER($number, useGrouping: 0) }：住户确认已解决，办结。
tk-w-notfixed = 工单 #{ NUMBER($number, useGrouping: 0) }：{ $who } 反映还没解决，已重新打开并上报一级。
tk-w-overdue = 工单 #{ NUMBER($number, useGrouping: 0) } 仍未办结（{ $reason }），请尽快处理。
tk-w-mediated = 工单 #{ NUMBER($number, useGrouping: 0) }：双方同意调解协议，已办结。
tk-w-agreement-declined = 工单 #{ NUMBER($number, useGrouping: 0) }：{ $who } 不同意调解协议，请继续协调。
tk-warn = 提醒：工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $what }，时限是 { $due }。
tk-g-taken = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已由{ $team }接单处理。
tk-g-resolved = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已处理完毕。
tk-g-rejected = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）暂不受理，已向报告人说明原因。
tk-g-duplicate = 工单 #{ NUMBER($number, useGrouping: 0) } 与另一个工单是同一件事，已合并处理。

## 是否解决与评价
tk-thanks-fixed = 太好了，谢谢您的确认！工单 #{ NUMBER($number, useGrouping: 0) } 已办结。
tk-thanks-notfixed = 抱歉还没解决好，工单 #{ NUMBER($number, useGrouping: 0) } 已重新处理并上报一级，会尽快给您答复。
tk-ask-stars = 请给这次服务打个分（1–5 星）：
tk-thanks-stars = 谢谢您给工单 #{ NUMBER($number, useGrouping: 0) } 打了 { $stars } 星！想补充意见的话，直接回复这条消息就行。
tk-comment-saved = 谢谢，您对工单 #{ NUMBER($number, useGrouping: 0) } 的意见已记下。

## 查看
tk-mine-title = 您的工单：
tk-mine-empty = 您目前没有工单。有事可以发 /report。
tk-line = #{ NUMBER($number, useGrouping: 0) } { $category } · { $status }{ $late } · { $created } · { $text }
tk-line-late = （已超时）
tk-show-usage = 请发“/t 工单号”，例如 /t 12。
tk-show-public = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $status }，由{ $team }负责。
tk-details =
    工单 #{ NUMBER($number, useGrouping: 0) } · { $category } · { $status }
    负责：{ $team } · { $level } · 经办人：{ $assignee }
    地点：{ $where }
    报告人：{ $reporter }
    提交：{ $created }{ $due }{ $photos }
    ——————
    { $text }
tk-timeline-title = 办理记录：
tk-tl-line = { $at } { $what } · { $who }{ $note }
tk-tl-note = ：{ $note }
tk-ev-create = 登记
tk-ev-take = 接单
tk-ev-start = 开始处理
tk-ev-wait = 询问住户
tk-ev-resume = 住户已回复
tk-ev-resolve = 处理完成
tk-ev-confirm = 确认解决
tk-ev-deny = 反映未解决
tk-ev-expire = 超时自动办结
tk-ev-reject = 不予受理
tk-ev-merge = 合并到
tk-ev-mediate = 调解成功
tk-ev-escalate = 上报
tk-ev-handover = 转交
tk-ev-reply = 回复
tk-ev-canned = 回复
tk-ev-message = 住户留言
tk-ev-note = 内部备注
tk-ev-plus_one = 邻居 +1
tk-ev-absorb = 合并了
tk-ev-warn = 时限提醒
tk-ev-overdue = 超时提醒
tk-ev-party = 登记纠纷另一方
tk-ev-agree = 调解协议
tk-ev-agree_no = 不同意协议
tk-queue-mine = 我负责的（{ $count }）：
tk-queue-free = 待接单（{ $count }）：
tk-queue-empty = 现在没有待办工单，辛苦了！
tk-queue-rating = 住户对您的评价：{ $stars } 星（{ $count } 个评价）

## 统计
tk-stats-denied = 只有管理员、党支部、居委会、业委会和服务队的管家可以看工单统计。
tk-stats =
    “{ $compound }”工单统计
    未办结：{ $open } 件，其中超时 { $overdue } 件
    各服务队（未办结 · 满意度）：
    { $teams }
    近两个月办结：住户确认 { $confirmed } 件，3 天无人回复 { $unconfirmed } 件，联系不上报告人（未确认）{ $unreached } 件
    受理用时中位数：{ $accept }；办结用时中位数：{ $resolve }
    满意度：{ $satisfaction }
    本月 { $this_month } 件，上月 { $last_month } 件，分类：
    { $categories }
tk-stats-team = · { $team }：{ $count } 件 · { $rating }
tk-stats-desk = 小区党支部
tk-stats-office = 社区居委会
tk-stats-steward = {"   "}◦ { $name }：{ $rating }
tk-stats-rated = { $stars } 星（{ $count } 个评价）
tk-stats-unrated = 暂无评价
tk-stats-hours = { $hours } 小时
tk-stats-no-hours = 暂无
tk-stats-scope = { $compound } · { $team }
tk-stats-no-team = 您还不在任何服务队里，所以还没有您服务队的统计。请联系小区管理员把您加入服务队。
tk-stats-chart-caption =
    “{ $compound }”近 { $weeks } 周工单（横轴是每周一的日期）：
    红柱：新报 { $opened } 件；绿柱：办结 { $resolved } 件；
    黑线：办结用时中位数（小时，看右边的刻度）。
tk-stats-category = · { $category }：本月 { $now }，上月 { $before }
tk-stats-none = · 暂无

## 纠纷调解
tk-party-usage = 用法：回复另一方的消息发“/party 工单号”，或私聊发“/party 工单号 @用户名”。
tk-party-unknown = 找不到这位住户。请回复他的消息再发，或者确认他和我私聊过。
tk-party-added = 已把 { $name } 登记为工单 #{ NUMBER($number, useGrouping: 0) } 的另一方。
tk-agree-usage = 用法：/agree 工单号 协议内容
tk-agree-sent = 工单 #{ NUMBER($number, useGrouping: 0) } 的调解协议已发给双方确认。

## 您说我办
tk-digest-denied = 只有小区党支部和管理员可以发布“您说我办”。
tk-digest-empty = “{ $compound }”暂时没有新办好的建议和心愿可以发布。
tk-digest-no-groups = “{ $compound }”还没有关联住户群，没法发布。
tk-digest-preview = 预览（确认后会发到小区各个群）：
tk-digest =
    【您说我办】“{ $compound }”最近办好的 { $count } 件事：
    { $items }
    谢谢大家的建议和心愿，有想法随时在群里发 #建议 或 #心愿。
tk-digest-line = · #{ NUMBER($number, useGrouping: 0) } { $category }：{ $said }{ $did }
tk-digest-did = → 办理：{ $text }
tk-btn-publish = 发布
tk-digest-cancelled = 好的，先不发布。
tk-digest-published = 已发布 { $items } 件事到 { $groups } 个群。

## 工单设置
tk-cfg-overview =
    工单设置（受理/办结时限，单位：分钟）：
    { $lines }
    修改示例：
    /tkconfig repair team repairs
    /tkconfig repair sla 2h 48h
    /tkconfig complaint tags #物业
    /tkconfig hours repairs 08:00-18:00
tk-cfg-line = · { $category } → { $team } · { $accept }/{ $resolve } · 标签 { $tags } · 上班时间 { $hours }
tk-cfg-saved = 已保存。发 /tkconfig 查看当前设置。
tk-cfg-usage = 格式不对。发 /tkconfig 查看用法示例。
tk-cfg-bad-category = 没有“{ $value }”这个类别。可以用：repair complaint suggestion wish dispute safety
tk-cfg-bad-team = 没有找到服务队“{ $value }”。
tk-cfg-bad-duration = 时间“{ $value }”看不懂，请写成 30m、2h 或 3d。
tk-cfg-bad-hours = 上班时间“{ $value }”看不懂，请写成 08:00-18:00，或 off 表示全天。
tk-cfg-bad-sla = 受理时限要比办结时限短。
tk-cfg-bad-tag = 标签“{ $value }”要以 # 开头，中间不能有空格。

## 出错了
tk-err-empty = 内容是空的，请写几句话说明情况。
tk-err-too-long = 内容太长了（最多 { $limit } 字），请精简一下。
tk-err-no-ticket = 没有找到这个工单。
tk-err-not-visible = 没有找到工单 #{ NUMBER($number, useGrouping: 0) }，或者您没有查看权限。
tk-err-not-your-team = 工单 #{ NUMBER($number, useGrouping: 0) } 不归您的服务队处理，您不能操作。
tk-err-stale = 这张卡片已过期：工单 #{ NUMBER($number, useGrouping: 0) } 现在是“{ $status }”。
tk-err-transition = 工单现在是“{ $status_name }”，不能这样操作。
tk-err-owned = 工单 #{ NUMBER($number, useGrouping: 0) } 由 { $name } 负责，请他本人操作或先转交。
tk-err-taken = 慢了一步，工单 #{ NUMBER($number, useGrouping: 0) } 已经由 { $name } 接单了。
tk-err-already-yours = 工单 #{ NUMBER($number, useGrouping: 0) } 已经是您负责的了。
tk-err-not-assigned = 工单 #{ NUMBER($number, useGrouping: 0) } 还没有人接单，不需要转交。
tk-err-handover-target = 不能转交给这个人（工单 #{ NUMBER($number, useGrouping: 0) }）。
tk-err-reason-needed = 请写明原因。
tk-err-top-level = 工单 #{ NUMBER($number, useGrouping: 0) } 已经在最高一级（社区居委会）了。
tk-err-dup-target = 没有找到工单 #{ NUMBER($number, useGrouping: 0) }，或者就是这张工单本身。
tk-err-dup-closed = 工单 #{ NUMBER($number, useGrouping: 0) } 已经办结，不能合并到它。
tk-err-plus-closed = 工单 #{ NUMBER($number, useGrouping: 0) } 已经办结了。如果问题又出现，请重新报事。
tk-err-already-following = 您已经在跟进工单 #{ NUMBER($number, useGrouping: 0) } 了。
tk-err-not-follower = 您不是这个工单的报告人。
tk-err-final = 工单 #{ NUMBER($number, useGrouping: 0) } 已经是“{ $status }”，不能再回复了。如有新问题请重新报事。
tk-err-question-stale = 这个问题已经过期：工单 #{ NUMBER($number, useGrouping: 0) } 现在的状态是“{ $status }”。
tk-err-answered = 您已经回答过了（工单 #{ NUMBER($number, useGrouping: 0) }），谢谢！
tk-err-answer-first = 请先点“解决了”或“还没解决”（工单 #{ NUMBER($number, useGrouping: 0) }）。
tk-err-stars = 请选 1 到 5 星。
tk-err-not-dispute = 工单 #{ NUMBER($number, useGrouping: 0) } 不是纠纷类工单。
tk-err-already-party = 这位已经是工单 #{ NUMBER($number, useGrouping: 0) } 的一方了。
tk-err-need-parties = 工单 #{ NUMBER($number, useGrouping: 0) } 还没有登记另一方，请先用 /party 登记。
tk-err-not-party = 您不是工单 #{ NUMBER($number, useGrouping: 0) } 的当事人。
tk-err-agreement-stale = 这份协议已过期（工单 #{ NUMBER($number, useGrouping: 0) } 有了新协议或已办结）。

## 联系不上报告人时（群里跟进）
tk-btn-follow = 私聊我接收进度
tk-gf-replied = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $team }的{ $steward }回复了报告人。报告人请点登记回复下的“私聊我接收进度”查看。
tk-gf-replied-public =
    工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }的{ $steward }回复：
    { $text }
tk-gf-waiting = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $team }的{ $steward }想向报告人了解情况。报告人请点登记回复下的“私聊我接收进度”查看并回复。
tk-gf-resolved =
    工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已处理。{ $note }
    请报告人确认：问题解决了吗？
tk-gf-escalated = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已转到{ $level }，现在由{ $level }负责跟进。{ $contacts }
tk-contacts-hint = { $level }的联系方式：发 /contacts 就能看到。
tk-gf-reopened = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）有报告人反映还没解决，已重新处理。
tk-gf-closed-confirmed = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）报告人已确认解决，办结了。
tk-g-closed-unreached = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）处理后 3 天没有得到报告人确认，按“未确认”结单。如果问题还在，请重新报事。
tk-err-follow-not-yours = 这个链接是给工单的报告人用的。如果您也遇到了同样的问题，请在群里点那条登记回复下的“我也遇到了”。
tk-follow-ok = 好的，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }负责）之后的进展都会私聊告诉您。现在的状态：{ $status }。{ $ask }
tk-follow-ask = 工作人员已处理，请问问题解决了吗？
tk-n-reopened-steward = 您处理过的工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）被{ $who }反映还没解决，已重新打开。
tk-public-usage = 请回复工单卡片，发送“/public 回复内容”。这样的回复在报告人没法私聊收到时，会原样发在群里的工单下面。
tk-dup-offer-private =
    最近已经有住户反映过类似的事（工单 #{ NUMBER($number, useGrouping: 0) }，{ $category }）。
    是同一件事吗？点“+1”就能一起跟进，处理进展也会告诉您。
tk-digest-said-private = 一位住户私下提出的意见
tk-n-closed-unreached = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）处理后 3 天没有得到报告人确认，按“未确认”结单。如果问题还在，请重新报事。

## 上报梯级的空档
tk-card-late = 【已超时】
tk-w-escalated = 工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $reason }，已上报到{ $level }。
tk-holder-admins = 小区管理员
tk-ev-skip = 越级转交（该级无人负责）
tk-gap-2 =
    提醒：“{ $compound }”还没有小区党支部的群，也没有人担任党支部角色。工单上报到这一级时会直接转给下一级。
    补上办法：在党支部的群里发送 /setup 选“党支部群”，或私聊我发送 /grant 党支部 @用户名
tk-gap-3 =
    提醒：“{ $compound }”还没有社区居委会的群，也没有人担任社区干部。工单上报到这一级时会转给小区管理员。
    补上办法：在居委会的群里发送 /setup 选“社区居委会群”，或私聊我发送 /grant 社区干部 @用户名

## 处理说明
tk-prompt-note = 工单 #{ NUMBER($number, useGrouping: 0) } 已处理。给住户留一句处理说明吗？点下面的常用说明，或回复这条消息写一句；也可以跳过。
tk-note-canned-1 = 已修好，请放心使用
tk-note-canned-2 = 已更换损坏的零件
tk-note-canned-3 = 已到现场处理完毕
tk-btn-note-skip = 跳过
tk-note-skipped = 好的，不写处理说明。
tk-note-sent = 处理说明已发给工单 #{ NUMBER($number, useGrouping: 0) } 的住户。
tk-err-note-given = 工单 #{ NUMBER($number, useGrouping: 0) } 这次处理已经写过说明了。
tk-n-resolution = { $recipient }您好，工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $steward }的处理说明：{ $note }
tk-ev-resolution = 处理说明

## 怎么报事（/help、群里置顶的欢迎、只发 /report）
tk-guide-title = 怎么报事：在小区群或楼栋群里发一条消息，用标签开头，后面写清情况：
tk-guide-line = { $tag }{ $also }　例：{ $tag } { $example }
tk-guide-also = （也可以用 { $tags }）
tk-guide-example-repair = 3号楼电梯不动了
tk-guide-example-complaint = 楼下烧烤店半夜还很吵
tk-guide-example-suggestion = 小区门口能不能加一个快递柜
tk-guide-example-wish = 希望小花园里多放几张长椅
tk-guide-example-dispute = 楼上漏水到我家，和邻居商量不成
tk-guide-example-safety = 地下车库有很大的燃气味
tk-guide-private = 不想在群里说的事，可以私聊我发 /report，一步一步登记。
tk-report-guide = 请在 /report 后面写清情况，或者直接用标签开头发消息：
tk-welcome-title = 大家好！本群已经接入红管家，有事随时报，件件有回音。

## 报事地点：位置、地点名或文字
tk-where-more = { $where }{ $place }{ $map }
tk-where-place = { "" } · { $place }
tk-where-map = { "" } · 地图：{ $url }
tk-where-pin = 已收到的位置（工作人员会看到地图）
tk-err-step-where = 请点上面的按钮选地点，或者直接写出地点（例如：3号楼后面的路灯），也可以发一个位置。
tk-err-place-long = 地点写 { $limit } 个字以内就好，详细情况已经在描述里了。
tk-err-place-pin = 这个位置看不懂，请重新发一次，或者直接写出地点。
tk-err-step-compound = 请点上面的按钮，选是哪个小区的事。想重新开始请发 /report，不报了请发 /cancel。
tk-err-step-category = 请点上面的按钮选一类（报修、投诉、建议……），选好后再写情况。不报了请发 /cancel。
tk-err-step-confirm = 请点上面的按钮：发送、匿名发送或取消。要改内容请发 /report 重新开始。
tk-err-step-buttons = 请点上面的按钮继续，或者发 /cancel 取消。
tk-ev-rate = 住户评价
tk-ev-comment = 住户意见
tk-w-rated = 工单 #{ NUMBER($number, useGrouping: 0) }：{ $who } 评价 { $stars } 星。
tk-n-rated-steward = 您处理的工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $who } 评价 { $stars } 星。
tk-w-commented = 工单 #{ NUMBER($number, useGrouping: 0) }：{ $who } 的意见：{ $comment }
tk-n-commented-steward = 您处理的工单 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $who } 的意见：{ $comment }
tk-ask-contact = 处理时，管家可以打电话或私信联系您吗？（只在工作群的工单上显示您的电话和用户名，选一次就记住，在 /profile 里随时能改。）
tk-btn-contact-yes = 📞 可以联系我
tk-btn-contact-no = 不用联系我
tk-contact-yes = 好的，处理您的报修时管家可以联系您。在 /profile 里随时能改。
tk-contact-no = 好的，不会把您的电话给管家。在 /profile 里随时能改。
