# 志愿活动：创建、报名、候补、签到、提醒

act-cmd-activities = 近期志愿活动
act-cmd-activity = 发起志愿活动

## 日期与时间
act-weekday-1 = 周一
act-weekday-2 = 周二
act-weekday-3 = 周三
act-weekday-4 = 周四
act-weekday-5 = 周五
act-weekday-6 = 周六
act-weekday-7 = 周日
act-date = { $month }月{ $day }日（{ $weekday }）
act-moment = { $date } { $time }
act-span = { $date } { $start }–{ $end }
act-span-days = { $start } 至 { $end }

## 活动卡片
act-card = { $body }
act-card-title = 🙋 志愿活动：{ $title }
act-card-when = 🕘 时间：{ $when }
act-card-place = 📍 地点：{ $place }
act-card-seats = 👥 名额 { $capacity } 人，还剩 { $left } 个{ $waiting ->
    [0] {""}
   *[other] ，另有 { $waiting } 人候补
}
act-card-cancelled = ❌ 本次活动已取消
act-card-finished = ✅ 活动已结束，共 { $attended } 人参加，谢谢大家！
act-card-points = ⭐ 参加可得 { $points } 积分
act-card-deadline = 📝 报名截止：{ $deadline }
act-card-party-only = 🎖 本次活动仅限党员参加

act-btn-join = 我要报名
act-btn-leave = 取消报名
act-btn-checkin = 我到了（签到）
act-btn-approve = 同意报名
act-btn-decline = 不同意
act-btn-attendance = 登记到场情况
act-btn-call-off = 取消整个活动
act-btn-call-off-yes = 确定取消活动
act-btn-back = 返回
act-btn-organized = 我组织的活动
act-btn-finish = 结束活动并发放积分
act-btn-finish-yes = 确定结束并发放
act-btn-skip = 不写了，跳过
act-btn-default-deadline = 开始前都可以报名
act-btn-default-cutoff = 用默认时间
act-btn-rule-points = 按规则给 { $points } 分
act-btn-done = 选好了
act-btn-publish = 发布
act-btn-discard = 不发了

## 报名结果（按钮提示）
act-joined = 报名成功！「{ $title }」给您留好位置了。
act-waitlisted = 名额已满，已为您登记候补，目前排第 { $position } 位。有人取消时会第一时间私信通知您。
act-pending = 已收到您的报名。因为之前有几次报名后没能到场，这次需要组织者确认，确认后会通知您。
act-already-joined = 您已经报过名了，位置给您留着呢。
act-already-waitlisted = 您已在候补名单上，目前排第 { $position } 位。
act-see-private = 详细信息和提醒会私信发给您（请先私聊我一次）。
act-left = 已取消「{ $title }」的报名。
act-checked-in = 签到成功，感谢您参加「{ $title }」！
act-already-checked-in = 您已经签到过了，谢谢！

## 私聊里的活动详情
act-you-confirmed = ✅ 您已报名。
act-you-waitlisted = ⏳ 您在候补名单上，排第 { $position } 位。
act-you-pending = ⏳ 您的报名正在等组织者确认。
act-you-declined = 组织者这次没有同意您的报名。
act-you-checked-in = ✅ 您已签到。

act-list = 「{ $compound }」近期的志愿活动，点一下查看详情并报名：
act-list-empty = 「{ $compound }」最近还没有志愿活动，有新活动时会在小区群里通知。
act-list-organized = 您组织的活动，点一下管理：
act-list-organized-empty = 您目前没有进行中的活动。发送 /activity 发起一个吧。
act-list-item = { $date } { $title }（剩 { $left } 个名额）
act-no-compound = 您还没有登记住址，暂时看不到小区的活动。请先发送 /register 登记。
act-none-compound = 您目前没有发起志愿活动的权限。如有需要，请联系小区管理员。
act-private-only = 这件事请私聊我办理哦，点我的头像发消息就可以。

## 私信通知
act-note-joined = 您已报名「{ $title }」。
    时间：{ $when }
    地点：{ $place }
    { $reminders }
act-note-waitlisted = 「{ $title }」名额已满，您在候补第 { $position } 位。有空位时我会马上告诉您。
act-note-promoted = 好消息！「{ $title }」有人取消，您已从候补转为正式报名。
    时间：{ $when }
    地点：{ $place }
    如果去不了，请及时取消，把位置留给别人。
act-note-approve-ask = { $name } 想报名「{ $title }」。此人之前有几次报名后没到场，请您决定是否同意。
act-note-declined = 很抱歉，组织者这次没有同意您报名「{ $title }」。如有疑问可以联系组织者。
act-note-approved = 组织者已同意您报名「{ $title }」。{ $seated ->
    [true] 位置已经给您留好了。
   *[false] 目前名额已满，您在候补第 { $position } 位。
}
act-note-earned = 感谢您参加「{ $title }」！已为您记 { $points } 积分，现在共有 { $balance } 分。发送 /points 查看。
act-note-missed = 「{ $title }」没有看到您签到，记为未到场一次（累计 { $count } 次）。累计 { $limit } 次后，再报名需要组织者确认。如果是误记，请联系组织者。
act-note-remind-day = 温馨提醒：您报名的「{ $title }」明天开始。
    时间：{ $when }
    地点：{ $place }
    如果去不了，请发送 /activities 取消报名。
act-remind-both = 活动前一天和前一小时我会提醒您。
act-remind-day = 活动前一天我会提醒您。
act-remind-hour = 开始前一小时我会提醒您。
act-remind-none = 活动马上就要开始了，不再另外提醒，请直接前往。
act-note-remind-hour = 温馨提醒：「{ $title }」{ $left }开始。
    时间：{ $when }
    地点：{ $place }
    到了以后请点下面的按钮签到。
act-note-called-off = 很抱歉，「{ $title }」已经取消了。感谢您的热心，期待下次活动再见！

## 发起活动（/activity）
act-words-activity = 新建 / 列表
act-unknown-word = 没看懂「{ $word }」，什么也没有做。/activity 后面可以写：{ $words }；什么都不写就是发起新活动。
act-new-intro = 我们来为「{ $compound }」发起一个志愿活动。随时发送 /cancel 可以放弃。
act-ask-title = 活动叫什么名字？（例如：楼道大扫除、看望独居老人）
act-ask-description = 简单介绍一下活动内容吧（不超过 600 字）。不写的话点按钮或回复「跳过」。
act-ask-place = 在哪里集合？（例如：3 号楼下、党群服务站）
act-ask-start = 什么时候开始？请写日期和时间，例如：{ $month }月{ $day }日 9:00，或者：明天 14:30
act-ask-end = 什么时候结束？写时间就行，例如：11:30
act-ask-capacity = 需要多少人？请发一个数字，例如：10
act-ask-deadline = 报名截止到什么时候？请写日期和时间，或者点按钮（或回复「默认」）：开始前（{ $default }）都可以报名。
act-ask-cutoff = 取消报名最晚到什么时候？过了这个时间就不能自己取消了。请写日期和时间，或者用默认时间（点按钮或回复「默认」）：{ $default }。
act-ask-kind = 这是哪一类活动？积分会按小区的规则来算。
act-ask-points = 参加的人每人得多少积分？请发一个数字（0 表示不记积分）；有按钮时也可以回复「按规则」。
act-ask-audience = 哪些人可以报名？
act-ask-buildings = 请选择楼栋（可以多选），选好后点“选好了”。
act-ask-team = 请选择志愿服务队：
act-ask-requirement = 有没有报名条件？
act-kind-attend = { $name }（每次 { $points } 分）
act-kind-hour = { $name }（每小时 { $points } 分）
act-kind-none = 其他
act-aud-compound = 全小区居民
act-aud-buildings = 部分楼栋
act-aud-team = 某个志愿服务队
act-req-none = 人人都可以报名
act-req-party = 仅限党员
act-preview = 请核对一下，没问题就点“发布”：

    { $body }
act-preview-capacity = 👥 名额：{ $capacity } 人
act-preview-cutoff = ↩️ 取消报名截止：{ $cutoff }
act-preview-aud-compound = 🏘 面向：全小区居民
act-preview-aud-buildings = 🏘 面向：所选楼栋的居民
act-preview-aud-team = 🏘 面向：所选志愿服务队
act-use-buttons = 请点上面的按钮选择。
act-discarded = 好的，这个活动不发了。
act-start-again = 请发送 /activity 重新开始。
act-published = 「{ $title }」已发布到 { $groups } 个群。报名情况可以发送 /activities 查看和管理。

## 组织者：签到与结束
act-att-title = 「{ $title }」到场情况：已到 { $came } / { $total } 人。
    点名字可以切换“已到”和“未到”。
act-att-came = ✅ { $name }
act-att-not = ⬜ { $name }
act-finish-confirm = 确定结束「{ $title }」吗？
    已到 { $came } 人，每人记 { $points } 分；未到 { $missed } 人，记未到场一次。
    结束后不能再修改。
act-finished = 「{ $title }」已结束：{ $came } 人到场，共发放 { $points } 积分；{ $missed } 人未到。
act-call-off-confirm = 确定要取消整个「{ $title }」吗？已报名的人都会收到通知。
act-called-off = 「{ $title }」已取消，已通知所有报名的人。
act-decided-confirmed = 已同意，「{ $title }」给这位居民留了位置。
act-decided-waitlisted = 已同意。「{ $title }」名额已满，这位居民进入候补。
act-decided-declined = 已婉拒这位居民报名「{ $title }」。
act-decided-decided = 这条报名已经处理过了。

## 不能办理的原因
act-err-not-found = 找不到这个活动了。
act-err-cancelled = 这个活动已经取消了。
act-err-finished = 这个活动已经结束了。
act-err-started = 活动已经开始了，不能再报名或取消。
act-err-deadline = 报名已经截止了（截止时间：{ $deadline }）。
act-err-cutoff = 已经过了取消报名的时间（{ $cutoff }）。如果实在去不了，请直接联系组织者。
act-err-not-signed-up = 您没有报名这个活动。
act-err-declined = 组织者这次没有同意您报名，如有疑问请联系组织者。
act-err-party-only = 这个活动仅限党员报名。
act-err-team-only = 这个活动仅限该志愿服务队的队员报名。
act-err-buildings-only = 这个活动只面向部分楼栋的居民。
act-err-not-resident = 请先登记您在本小区的住址（发送 /register），登记后就能报名了。
act-err-not-verified = 您的住址登记还在审核中，审核通过后就能报名了。
act-err-not-organizer = 只有活动组织者可以这样操作。
act-err-not-confirmed = 您没有这个活动的正式名额，不需要签到。
act-err-checkin-early = 还没到签到时间，{ $opens } 开始签到。
act-err-checkin-late = 签到时间已过。如果您参加了，请告诉组织者帮您登记。
act-err-marking-early = 活动开始前半小时才能登记到场情况。
act-err-finish-early = 活动开始以后才能结束并发放积分。
act-err-not-allowed = 抱歉，您没有这项权限。
act-err-audience = 所选的楼栋或服务队不属于这个小区，请重新发起。
act-err-title = 活动名称需要填写，且不超过 80 个字。
act-err-place = 集合地点需要填写，且不超过 100 个字。
act-err-description = 活动介绍不能超过 600 个字。
act-err-start-past = 开始时间已经过去了。
act-err-end-before-start = 结束时间要晚于开始时间。
act-err-too-long-event = 一个活动不能超过 24 小时。
act-err-capacity = 名额需要在 1 到 500 人之间。
act-err-deadline-range = 报名截止时间要在现在之后、活动开始之前。
act-err-cutoff-range = 取消截止时间要在现在之后、活动开始之前。
act-err-points = 积分需要在 0 到 200 之间。
act-err-form-empty = 这一项不能空着，请再写一下。
act-err-form-too-long = 太长了，请控制在 { $most } 个字以内。
act-err-form-capacity = 请发一个 { $least } 到 { $most } 之间的数字。
act-err-form-points = 请发一个 { $least } 到 { $most } 之间的数字。
act-err-form-when = 没看懂这个时间。请这样写：{ $month }月{ $day }日 9:00，或者：明天 14:30
act-err-form-start = 开始时间要在现在之后，一年以内。
act-err-form-end = 结束时间要晚于开始时间，且活动不超过 24 小时。
act-err-form-before-start = 这个时间要在现在之后、活动开始之前。
act-err-form-buildings = 请至少选择一栋楼。
act-err-bad-setting = 没有这个设置项。
act-err-setting-range = 请填 { $low } 到 { $high } 之间的数字。
act-err-rule-code = 规则代号是一个词：中文、字母、数字、- 和 _，不超过 32 个字，也不能只有数字，例如 护学岗 或 eldercare。
act-err-rule-basis = 计分方式只能是 每次、每小时 或 每月（英文 attend、hour、month 也可以）。
act-err-rule-points = 积分需要在 1 到 1000 之间。
act-err-rule-name = 规则名称需要填写，且不超过 64 个字。
act-err-no-rule = 没有叫「{ $code }」的积分规则。发送 /pointrules 查看现有规则。
act-err-unknown-person = 找不到这个人，或者他不是本小区的登记居民。请用 @用户名 或 Telegram 数字 ID。
act-err-amount = 积分数需要是 1 到 { $most } 之间的整数（扣分写负数，例如 -2）。
act-err-award-repeated = 同样的积分刚刚记过，请确认是否再发一次。
act-err-reason = 请写明原因（不超过 { $most } 个字），例如：/award @xiaoli 2 帮忙搬运物资
act-err-deduct-too-much = 扣分不能超过对方现有的积分（现有 { $balance } 分）。
