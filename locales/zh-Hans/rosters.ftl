## Duty rosters (值班表): the student-crossing guard and other recurring duties

ro-cmd-roster = 值班表：查看和认领班次
ro-cmd-myshifts = 我的值班
ro-cmd-swap = 来不了，找人替班

## Dates and shifts
ro-date = { $month }{ $day }日（{ $weekday }）
ro-month-1 = 1月
ro-month-2 = 2月
ro-month-3 = 3月
ro-month-4 = 4月
ro-month-5 = 5月
ro-month-6 = 6月
ro-month-7 = 7月
ro-month-8 = 8月
ro-month-9 = 9月
ro-month-10 = 10月
ro-month-11 = 11月
ro-month-12 = 12月
ro-weekday-1 = 周一
ro-weekday-2 = 周二
ro-weekday-3 = 周三
ro-weekday-4 = 周四
ro-weekday-5 = 周五
ro-weekday-6 = 周六
ro-weekday-7 = 周日
ro-when = { $date } { $start }–{ $end }
ro-shift = { $roster } · { $when } · { $place }
ro-dur-hours = { $hours } 小时
ro-dur-minutes = { $minutes } 分钟
ro-list-sep = 、

## Rules
ro-summary =
    📋 { $name }（#{ $id }）
    地点：{ $place }
    时间：{ $times }，每班 { $size } 人
    日子：{ $rule }
    提醒：{ $leads }
    每次到岗签到积 { $points } 分
ro-rule-weekdays = 周一至周五
ro-rule-weekdays-cal = 周一至周五（法定节假日休息，调休的周末照常值班）
ro-rule-daily = 每天
ro-rule-days = 每{ $days }
ro-rule-cron = 按规则“{ $rule }”
ro-rule-no-holidays = （法定节假日休息）
ro-lead-eve = 前一天 { $time }
ro-lead-before = 开始前 { $lead }
ro-leads-none = 不提醒

## The board
ro-none = 这里还没有值班表。
ro-pick = 请选择值班表：
ro-board-line = { $when }：{ $names }　{ $free ->
        [0] ✅ 人齐了
       *[other] 还缺 { $free } 人
    }
ro-board-empty = 最近一周没有排班。
ro-btn-take-at = 认领 { $date } { $start }
ro-btn-join = 加入值班队伍
ro-joined = 欢迎加入“{ $roster }”！有人需要替班时，我会私信问您。
ro-joined-already = 您已经在“{ $roster }”的队伍里了。
ro-take-done = 认领成功：{ $shift }。{ $reminders }
ro-take-done-group = 认领成功：{ $shift }。{ $reminders }如果您还没和我私聊过，请点我的头像，再点“开始”，不然私信发不到您。
ro-take-already = 这一班您已经认领了：{ $shift }
ro-take-announce = 👍 { $name } 认领了：{ $shift }。{ $missing ->
        [0] 这一班人齐了。
       *[other] 还缺 { $missing } 人。
    }

## My shifts and swaps
ro-mine-title = 您接下来的值班：
ro-mine-line = • { $shift }（{ $state }）
ro-mine-on = 已认领
ro-mine-assigned = 已排班
ro-mine-in = 已签到 ✅
ro-mine-asked = 正在找人替班
ro-mine-empty = 您最近没有值班。发送 /roster 看看哪些班还缺人。
ro-mine-feed =
    📅 想在手机日历里看到值班？在日历里选“添加订阅日历”，填入下面的地址（这是您专用的，请不要转发）：
    { $url }
    换一个新地址：/myshifts new
ro-mine-feed-off = 📅 这个服务器暂时没有开放日历订阅。
ro-mine-feed-renewed = 旧的日历地址已经作废了。
ro-swap-pick = 哪一班您来不了？点下面的按钮，我会去问值班队伍里的其他人。
ro-btn-checkin-at = ✅ 签到 { $date } { $start }
ro-btn-cant-at = 🙏 去不了 { $date } { $start }

## Buttons on reminders and requests
ro-btn-omw = 🚶 我在路上
ro-btn-cant = 🙏 去不了
ro-btn-checkin = ✅ 签到
ro-btn-take = 🙋 我来
ro-btn-takeover = 🙋 我来替
ro-omw-done = 收到，路上注意安全！
ro-omw-already = 收到，已经记下了。
ro-checkin-done = 签到成功，辛苦了！
ro-checkin-done-points = 签到成功，辛苦了！积分 +{ $points }。
ro-checkin-already = 您已经签到过了，谢谢！
ro-swap-asked = 好的，我已经问了 { $count } 位队友。有人接替之前，这一班还是您的；有人接了我马上告诉您。
ro-swap-asked-nobody = 队伍里暂时没有别人可以问，我已经告诉了组织者。有人接替之前，这一班还是您的。
ro-swap-already = 您已经在找人替这一班了，有人接了我会告诉您。
ro-swap-took = 谢谢您！您替了 { $name } 的班：{ $shift }。{ $reminders }

## Notices
ro-note-remind-eve =
    ⏰ 明天有您的值班：
    { $shift }
    能来请点“我在路上”；来不了请点“去不了”，我帮您找人替。
ro-note-remind-soon =
    ⏰ { $left }就到您值班了：
    { $shift }
    到了请点“签到”。
ro-note-calendar-unknown = 📅 “{ $roster }”：国家还没有公布 { $year } 年的放假安排。法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）我已经按法定日期不排班；调休上班的周末要等正式通知才知道，公布以后，管理员或组织者发 /roster 日历 导入 把安排导进来，我会自动调整班次。
ro-note-swap-ask =
    🙏 { $name } 这一班来不了，您能替一下吗？
    { $shift }
ro-note-swap-nobody =
    🙏 { $name } 这一班来不了，队伍里没有别人可以问：
    { $shift }
    请帮忙找人，或者点“我来”。
ro-note-swap-done = ✅ { $name } 替了您的班：{ $shift }。谢谢您提前说一声！
ro-note-swap-gone = ✅ 这一班已经有人替了：{ $shift }。还是谢谢您！
ro-note-short =
    ⚠️ 还缺人，{ $left }开始：{ $shift }
    还差 { $missing } 人（每班 { $capacity } 人）。能来的请点“我来”。
ro-note-escalate =
    🔺 还缺人，{ $left }开始：{ $shift }
    还差 { $missing } 人，组织者：{ $organizer }。请党支部帮忙安排。
ro-note-noshow = 📋 { $shift } 已经结束。没有签到的：{ $names }。
ro-note-assigned =
    📋 “{ $roster }”给您排了这些班：
    { $shifts }
    来不了的话，发送 /swap 找人替。
ro-note-cancelled = 📅 这一班停岗取消了：{ $shift }。不用去了，谢谢您！

## Creating a roster
ro-new-private = 新建值班表请私聊我，发送 /roster new。
ro-new-ask-name = 新建值班表。先起个名字，比如“党员护学岗”：
ro-new-ask-place = 在哪里值班？比如“幼儿园东门路口”：
ro-new-ask-times =
    每天几点值班？可以写几段，用逗号隔开，比如：
    07:30-08:10, 16:30-17:10
ro-new-ask-size = 每班需要几个人？发一个数字，比如 2：
ro-new-ask-days = 哪些日子值班？点下面的按钮，或者直接写，比如“一三五”（每周一、三、五），或者 cron 规则“cron * * 1-5”。
ro-btn-weekdays = 上学日（周一至周五，按节假日和调休）
ro-btn-daily = 每天
ro-new-confirm =
    请确认：
    名称：{ $name }
    地点：{ $place }
    时间：{ $times }，每班 { $size } 人
    日子：{ $rule }
    提醒：{ $leads }
ro-btn-create = ✅ 创建
ro-btn-cancel = 取消
ro-new-created =
    ✅ 值班表“{ $name }”（#{ $id }）建好了，已经排出未来四周的 { $created } 个班次。大家发送 /roster 就能认领。
    您还可以：
    /roster 学期 { $term_from } { $term_to } 设学期
    /roster 停岗 { $day } 设停岗日
    /roster 提醒 20:00 30分钟 改提醒时间
    /roster 宽限 30 新建或修改后，等多少分钟再发缺人提醒
    在小区群里发 /roster 本群，缺人提醒就会发到那个群
    也可以点下面的按钮设学期和停岗日。
ro-new-created-short = 建好了！
ro-new-cancelled = 已取消，什么都没有保存。

## Organizer commands
ro-which =
    您管理着好几个值班表，请在命令里加上编号，比如 /roster 停岗 #2 { $day_short }：
    { $rosters }
ro-which-line = #{ $id } { $name }
ro-rule-changed = 好的，已更新：新增 { $created } 个班次，调整 { $updated } 个，取消 { $cancelled } 个。{ $kept ->
        [0] {""}
       *[other] 有 { $kept } 个已经有人（认领或排班）的班次保持不变，需要的话请和他们联系。
    }
ro-terms =
    学期：
    { $terms }
    加学期：/roster 学期 { $term_from } { $term_to }；清除：/roster 学期 清除
ro-skips =
    停岗日：{ $days }
    加停岗日：/roster 停岗 { $day }
ro-skip-added = 好的，{ $days } 停岗。{ $told ->
        [0] {""}
       *[other] 已经通知了 { $told } 位原来值这些班的人。
    }
ro-leads-set = 好的，提醒时间改为：{ $leads }。
ro-points-set = 好的，每次到岗签到积 { $points } 分。
ro-here-set = 好的，“{ $roster }”的缺人提醒会发到本群。
ro-member-added = 已把 { $name } 加入“{ $roster }”。
ro-member-already = { $name } 已经在“{ $roster }”里了。
ro-members = “{ $roster }”的队员（{ $count } 人）：{ $names }
ro-rotated = 排好了：{ $shifts } 个班次里，给 { $people } 位队员排了 { $places } 个位置。{ $short ->
        [0] {""}
       *[other] 还有 { $short } 个位置排不上（人不够或者时间冲突）。
    }每位队员都会收到私信。
ro-usage = 发送 /roster 查看值班表、认领班次；/myshifts 看我的值班；/swap 来不了时找人替班。
ro-usage-manage =
    值班表命令（中文、英文命令词都可以）：
    /roster — 查看并认领班次
    /roster 新建 — 新建值班表
    /roster 详情 — 查看设置
    /roster 时间 07:30-08:10, 16:30-17:10 — 改时间
    /roster 人数 2 — 每班人数
    /roster 日子 工作日 — 值班日子（工作日、每天、一三五，或 cron * * 1-5）
    /roster 节假日 开 — 法定节假日休息、调休照常（开 或 关）
    /roster 学期 { $term_from } { $term_to } — 学期（只在学期内值班）
    /roster 停岗 { $day } — 停岗日；/roster 恢复 { $day } 恢复
    /roster 提醒 20:00 30分钟 — 提醒：前一天 20:00，和开始前 30 分钟
    /roster 宽限 30 — 新建或修改后，等多少分钟再发缺人提醒
    /roster 排班 { $from } { $to } — 按队员轮流排班
    /roster 添加 @用户名、/roster 成员 — 队员
    /roster 积分 10 — 每次到岗的积分
    /roster 本群 — 在小区群里发，缺人提醒发到这个群
    /roster 日历 — 国家放假安排；/roster 日历 导入 — 导入新一年的放假和调休上班日
    有好几个值班表时，加上编号，比如 /roster 停岗 #2 { $day_short }。
ro-ical-title = 红管家 · 我的值班

## Refusals
ro-err-already-on = 这一班您已经在岗了。
ro-err-checkin-early = 还没到签到时间，{ $opens } 开始可以签到。
ro-err-checkin-late = 这一班已经结束了。
ro-err-cron-bad = 看不懂这个规则。cron 规则写三段：日 月 星期，比如“cron * * 1-5”（周一到周五）。
ro-err-date-bad = 看不懂日期“{ $text }”。请写成 { $day } 或者 { $month }月{ $dom }日。
ro-err-date-past = 这一天已经过去了。
ro-err-days-bad = 看不懂这些日子。可以写“工作日”“每天”，或者“一三五”“1 3 5”。
ro-err-full = 抱歉，这一班人已经齐了，看看别的班吧。
ro-err-here-private = 请在要收缺人提醒的小区群里发这个命令。
ro-err-here-unbound = 这个群还没有绑定到这个值班表所在的小区，请先让管理员在群里发 /setup。
ro-err-leads-bad = 看不懂提醒时间。比如“20:00 30m”表示前一天晚上 8 点，和开始前 30 分钟。
ro-err-leads-many = 提醒最多设 { $most } 个。
ro-err-leads-range = 提前提醒最多 24 小时。
ro-err-name-bad = 名字不能为空，最多 { $most } 个字。请再发一次：
ro-err-no-members = 这个值班表还没有队员。请大家先点“加入值班队伍”，或者用 /roster add @用户名 添加。
ro-err-not-member = 抱歉，这个值班表只对本小区的居民开放。
ro-err-not-organizer = 抱歉，只有值班表的组织者才能这样做，什么都没有改变。
ro-err-not-yours = 这一班现在不是您的。
ro-err-overlap = 这个时间您已经有班了：{ $other }
ro-err-period-bad = 请写开始和结束两个日期，比如：{ $term_from } { $term_to }。
ro-err-period-order = 结束日期不能早于开始日期。
ro-err-person-unknown = 找不到这个人。请回复他的消息发命令，或者写 @用户名（对方要先和我说过话）。
ro-err-place-bad = 地点不能为空，最多 { $most } 个字。请再发一次：
ro-err-points-bad = 积分请写 0 到 1000 之间的整数。
ro-err-roster-gone = 这个值班表已经不在了。
ro-err-shift-gone = 这一班已经取消了。
ro-err-shift-past = 这一班已经开始或者结束了，不能再认领。
ro-err-size-bad = 请发一个数字，比如 2。
ro-err-size-big = 每班最多 { $most } 人。
ro-err-size-zero = 每班至少要 1 个人。请再发一个数字：
ro-err-swap-gone = 这个替班请求已经结束了。
ro-err-swap-own = 这是您自己的替班请求。
ro-err-swap-taken = 谢谢您！已经有人先接了这一班。
ro-err-switch-bad = 请写 on（开）或者 off（关）。
ro-err-time-bad = 看不懂时间“{ $text }”。请写成 07:30 这样。
ro-err-times-bad = 看不懂这些时间。请写成“07:30-08:10”，几段之间用逗号隔开。
ro-err-times-many = 每天最多 { $most } 段。
ro-err-times-order = 结束时间 { $end } 要晚于开始时间 { $start }。请再发一次：
ro-err-times-overlap = 这几段时间重叠了，请错开再发一次：

## The official holiday arrangement (国家放假安排)
ro-note-calendar-off =
    📅 按国家 { $year } 年放假安排，{ $day } 放假，这一班取消了：
    { $shift }
    不用去了，谢谢您！{ $added }
ro-note-calendar-added =
    {""}
    调休上班的日子新排了班次，能来的请发 /roster 认领：
    { $days }
ro-note-calendar-loaded = 📅 已导入国家 { $years } 年放假安排，“{ $roster }”已经重新排班：新增 { $created } 个班次，取消 { $cancelled } 个，已通知 { $told } 位原来值这些班的人。
cal-loaded = ✅ 已导入 { $years } 年放假安排：放假 { $holidays } 天，调休上班 { $workdays } 天。{ $rosters ->
        [0] 没有值班表需要调整。
       *[other] 重新排了 { $rosters } 个值班表：新增 { $created } 个班次，取消 { $cancelled } 个，已通知 { $told } 位原来值这些班的人。
    }
cal-refused =
    没有导入，什么都没有改变。请改好下面这些地方再发一次：
    { $problems }
cal-problem-line = 第 { $line } 行“{ $text }”：{ $reason }
cal-problem-more = ……还有 { $count } 处。
cal-err-date-bad = 看不懂日期。请写成 2027-02-07，日期段写成 2027-02-11..2027-02-17。
cal-err-year-bad = 年份要在 2000 到 2100 之间。
cal-err-range-order = 日期段的结束日期早于开始日期。
cal-err-range-long = 一段最多 { $most } 天。
cal-err-kind-bad = 日期后面请写“休”（放假）或者“班”（调休上班）。
cal-err-conflict = { $day } 在第 { $other } 行已经写成了另一种。
cal-err-empty = 没有收到放假安排。每行写一个日期或日期段，后面写“休”或“班”。
cal-err-too-long = 最多 { $most } 行。
cal-err-no-holidays = { $year } 年只有调休上班日，没有放假日。请发来这一年完整的放假安排（放假和调休上班都要写）。
cal-err-not-text = 这个文件读不出文字。请发 CSV 或者文本文件（UTF-8 或 GBK），每行：日期,休/班。
cal-err-too-big = 文件太大了，最多 { $kb } KB。
cal-err-denied = 抱歉，只有小区管理员或值班表组织者才能导入放假安排，什么都没有改变。
cal-prompt =
    请发来国家放假安排（全国统一，所有按节假日排班的值班表都会跟着调整）。每行一个日期或日期段，后面写“休”或“班”，比如：
    { $year }-01-01 休
    { $year }-02-06..{ $year }-02-12 休
    { $year }-02-14 班
    也可以发一个 CSV 文件（日期,类型）。
cal-prompt-group = 请在同一条消息里写上放假安排，或者私聊我发 /roster 日历 导入。
cal-status =
    📅 国家放假安排：
    { $years }
    导入或更正：/roster 日历 导入，后面每行一个日期或日期段，写“休”或“班”。
cal-status-loaded = { $year } 年：已导入（{ $when }），放假 { $holidays } 天，调休上班 { $workdays } 天
cal-status-builtin = { $year } 年：国家已公布，已内置
cal-status-unknown = { $year } 年：还没有导入。法定节假日按法定日期休息，调休上班日还不知道
cal-checked = 检查通过（没有写入）：{ $years } 年，放假 { $holidays } 天，调休上班 { $workdays } 天。

## Time left, grace, reminders promised
ro-left-minutes = { $minutes } 分钟后
ro-left-hours = { $hours } 小时后
ro-left-hours-minutes = { $hours } 小时 { $minutes } 分钟后
ro-left-today = 今天 { $time }
ro-left-tomorrow = 明天 { $time }
ro-left-on = { $date } { $time }
ro-take-remind = 我会在{ $when }私信提醒您。
ro-take-remind-none = 这一班不会再另外提醒您了，请记好时间。
ro-grace = 值班表新建或修改以后，先等 { $minutes } 分钟再发缺人提醒。要改的话：/roster 宽限 45
ro-grace-set = 好的，值班表新建或修改以后，先等 { $minutes } 分钟，让大家看过认领，再发缺人提醒。
ro-err-grace-bad = 请写 0 到 { $most } 之间的分钟数，比如 /roster 宽限 45。

## Term and days off by buttons
ro-btn-set-term = 📅 设学期
ro-btn-set-skip = 🚫 设停岗日
ro-ask-term = “{ $roster }”的学期从哪天到哪天？请发开始和结束两个日期，比如：{ $term_from } { $term_to }（发 /cancel 不设了）
ro-ask-skip = “{ $roster }”哪些天停岗？请发日期，几天的话用空格隔开，比如：{ $day }（发 /cancel 不设了）
ro-set-cancelled = 好的，没有改动。
