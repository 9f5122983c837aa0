## Duty rosters (值班表): the student-crossing guard and other recurring duties

ro-cmd-roster = 值班表：查看和認領班次
ro-cmd-myshifts = 我的值班
ro-cmd-swap = 來不了，找人代班

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
ro-weekday-1 = 週一
ro-weekday-2 = 週二
ro-weekday-3 = 週三
ro-weekday-4 = 週四
ro-weekday-5 = 週五
ro-weekday-6 = 週六
ro-weekday-7 = 週日
ro-when = { $date } { $start }–{ $end }
ro-shift = { $roster } · { $when } · { $place }
ro-dur-hours = { $hours } 小時
ro-dur-minutes = { $minutes } 分鐘
ro-list-sep = 、

## Rules
ro-summary =
    📋 { $name }（#{ $id }）
    地點：{ $place }
    時間：{ $times }，每班 { $size } 人
    日子：{ $rule }
    提醒：{ $leads }
    每次到班簽到積 { $points } 分
ro-rule-weekdays = 週一至週五
ro-rule-weekdays-cal = 週一至週五（國定假日休息，補班的週末照常值班）
ro-rule-daily = 每天
ro-rule-days = 每{ $days }
ro-rule-cron = 按規則「{ $rule }」
ro-rule-no-holidays = （國定假日休息）
ro-lead-eve = 前一天 { $time }
ro-lead-before = 開始前 { $lead }
ro-leads-none = 不提醒

## The board
ro-none = 這裡還沒有值班表。
ro-pick = 請選擇值班表：
ro-board-line = { $when }：{ $names }　{ $free ->
        [0] ✅ 人齊了
       *[other] 還缺 { $free } 人
    }
ro-board-empty = 最近一週沒有排班。
ro-btn-take-at = 認領 { $date } { $start }
ro-btn-join = 加入值班隊伍
ro-joined = 歡迎加入「{ $roster }」！有人需要代班時，我會私訊問您。
ro-joined-already = 您已經在「{ $roster }」的隊伍裡了。
ro-take-done = 認領成功：{ $shift }。{ $reminders }
ro-take-done-group = 認領成功：{ $shift }。{ $reminders }如果您還沒和我私聊過，請點我的頭像，再點「開始」，不然私訊發不到您。
ro-take-already = 這一班您已經認領了：{ $shift }
ro-take-announce = 👍 { $name } 認領了：{ $shift }。{ $missing ->
        [0] 這一班人齊了。
       *[other] 還缺 { $missing } 人。
    }

## My shifts and swaps
ro-mine-title = 您接下來的值班：
ro-mine-line = • { $shift }（{ $state }）
ro-mine-on = 已認領
ro-mine-assigned = 已排班
ro-mine-in = 已簽到 ✅
ro-mine-asked = 正在找人代班
ro-mine-empty = 您最近沒有值班。傳送 /roster 看看哪些班還缺人。
ro-mine-feed =
    📅 想在手機行事曆裡看到值班？在行事曆裡選「新增訂閱行事曆」，填入下面的網址（這是您專用的，請不要轉傳）：
    { $url }
    換一個新網址：/myshifts new
ro-mine-feed-off = 📅 這台伺服器暫時沒有開放行事曆訂閱。
ro-mine-feed-renewed = 舊的行事曆網址已經作廢了。
ro-swap-pick = 哪一班您來不了？點下面的按鈕，我會去問值班隊伍裡的其他人。
ro-btn-checkin-at = ✅ 簽到 { $date } { $start }
ro-btn-cant-at = 🙏 去不了 { $date } { $start }

## Buttons on reminders and requests
ro-btn-omw = 🚶 我在路上
ro-btn-cant = 🙏 去不了
ro-btn-checkin = ✅ 簽到
ro-btn-take = 🙋 我來
ro-btn-takeover = 🙋 我來代班
ro-omw-done = 收到，路上注意安全！
ro-omw-already = 收到，已經記下了。
ro-checkin-done = 簽到成功，辛苦了！
ro-checkin-done-points = 簽到成功，辛苦了！積分 +{ $points }。
ro-checkin-already = 您已經簽到過了，謝謝！
ro-swap-asked = 好的，我已經問了 { $count } 位隊友。有人接手之前，這一班還是您的；有人接了我馬上告訴您。
ro-swap-asked-nobody = 隊伍裡暫時沒有別人可以問，我已經告訴了召集人。有人接手之前，這一班還是您的。
ro-swap-already = 您已經在找人代這一班了，有人接了我會告訴您。
ro-swap-took = 謝謝您！您代了 { $name } 的班：{ $shift }。{ $reminders }

## Notices
ro-note-remind-eve =
    ⏰ 明天有您的值班：
    { $shift }
    能來請點「我在路上」；來不了請點「去不了」，我幫您找人代班。
ro-note-remind-soon =
    ⏰ { $left }就輪到您值班了：
    { $shift }
    到了請點「簽到」。
ro-note-calendar-unknown = 📅 「{ $roster }」：國家還沒有公布 { $year } 年的放假安排。法定假日（元旦、春節、清明、勞動節、端午、中秋、國慶）我已經按法定日期不排班；調休上班的週末要等正式通知才知道，公布以後，管理員或召集人傳 /roster 日曆 導入 把安排匯進來，我會自動調整班次。
ro-note-swap-ask =
    🙏 { $name } 這一班來不了，您能代一下嗎？
    { $shift }
ro-note-swap-nobody =
    🙏 { $name } 這一班來不了，隊伍裡沒有別人可以問：
    { $shift }
    請幫忙找人，或者點「我來」。
ro-note-swap-done = ✅ { $name } 代了您的班：{ $shift }。謝謝您提前說一聲！
ro-note-swap-gone = ✅ 這一班已經有人代了：{ $shift }。還是謝謝您！
ro-note-short =
    ⚠️ 還缺人，{ $left }開始：{ $shift }
    還差 { $missing } 人（每班 { $capacity } 人）。能來的請點「我來」。
ro-note-escalate =
    🔺 還缺人，{ $left }開始：{ $shift }
    還差 { $missing } 人，召集人：{ $organizer }。請黨支部幫忙安排。
ro-note-noshow = 📋 { $shift } 已經結束。沒有簽到的：{ $names }。
ro-note-assigned =
    📋 「{ $roster }」幫您排了這些班：
    { $shifts }
    來不了的話，傳送 /swap 找人代班。
ro-note-cancelled = 📅 這一班停班取消了：{ $shift }。不用去了，謝謝您！

## Creating a roster
ro-new-private = 新增值班表請私訊我，傳送 /roster new。
ro-new-ask-name = 新增值班表。先取個名字，比如「黨員護學崗」：
ro-new-ask-place = 在哪裡值班？比如「幼兒園東門路口」：
ro-new-ask-times =
    每天幾點值班？可以寫幾段，用逗號隔開，比如：
    07:30-08:10, 16:30-17:10
ro-new-ask-size = 每班需要幾個人？傳一個數字，比如 2：
ro-new-ask-days = 哪些日子值班？點下面的按鈕，或者直接寫，比如「一三五」（每週一、三、五），或者 cron 規則「cron * * 1-5」。
ro-btn-weekdays = 上學日（週一至週五，按假日和補班）
ro-btn-daily = 每天
ro-new-confirm =
    請確認：
    名稱：{ $name }
    地點：{ $place }
    時間：{ $times }，每班 { $size } 人
    日子：{ $rule }
    提醒：{ $leads }
ro-btn-create = ✅ 建立
ro-btn-cancel = 取消
ro-new-created =
    ✅ 值班表「{ $name }」（#{ $id }）建好了，已經排出未來四週的 { $created } 個班次。大家傳送 /roster 就能認領。
    您還可以：
    /roster 學期 { $term_from } { $term_to } 設定學期
    /roster 停班 { $day } 設定停班日
    /roster 提醒 20:00 30分鐘 修改提醒時間
    /roster 寬限 30 新增或修改後，等多少分鐘再發缺人提醒
    在社區群組裡傳 /roster 本群組，缺人提醒就會發到那個群組
    也可以點下面的按鈕設定學期和停班日。
ro-new-created-short = 建好了！
ro-new-cancelled = 已取消，什麼都沒有儲存。

## Organizer commands
ro-which =
    您管理著好幾個值班表，請在指令裡加上編號，比如 /roster 停班 #2 { $day_short }：
    { $rosters }
ro-which-line = #{ $id } { $name }
ro-rule-changed = 好的，已更新：新增 { $created } 個班次，調整 { $updated } 個，取消 { $cancelled } 個。{ $kept ->
        [0] {""}
       *[other] 有 { $kept } 個已經有人（認領或排班）的班次保持不變，需要的話請和他們聯絡。
    }
ro-terms =
    學期：
    { $terms }
    新增學期：/roster 學期 { $term_from } { $term_to }；清除：/roster 學期 清除
ro-skips =
    停班日：{ $days }
    新增停班日：/roster 停班 { $day }
ro-skip-added = 好的，{ $days } 停班。{ $told ->
        [0] {""}
       *[other] 已經通知了 { $told } 位原來值這些班的人。
    }
ro-leads-set = 好的，提醒時間改為：{ $leads }。
ro-points-set = 好的，每次到班簽到積 { $points } 分。
ro-here-set = 好的，「{ $roster }」的缺人提醒會發到本群組。
ro-member-added = 已把 { $name } 加入「{ $roster }」。
ro-member-already = { $name } 已經在「{ $roster }」裡了。
ro-members = 「{ $roster }」的隊員（{ $count } 人）：{ $names }
ro-rotated = 排好了：{ $shifts } 個班次裡，幫 { $people } 位隊員排了 { $places } 個位置。{ $short ->
        [0] {""}
       *[other] 還有 { $short } 個位置排不上（人不夠或者時間衝突）。
    }每位隊員都會收到私訊。
ro-usage = 傳送 /roster 查看值班表、認領班次；/myshifts 看我的值班；/swap 來不了時找人代班。
ro-usage-manage =
    值班表指令（中文、英文指令詞都可以）：
    /roster — 查看並認領班次
    /roster 新增 — 新增值班表
    /roster 設定 — 查看設定
    /roster 時間 07:30-08:10, 16:30-17:10 — 修改時間
    /roster 人數 2 — 每班人數
    /roster 日子 工作日 — 值班日子（工作日、每天、一三五，或 cron * * 1-5）
    /roster 假日 開 — 國定假日休息、補班照常（開 或 關）
    /roster 學期 { $term_from } { $term_to } — 學期（只在學期內值班）
    /roster 停班 { $day } — 停班日；/roster 恢復 { $day } 恢復
    /roster 提醒 20:00 30分鐘 — 提醒：前一天 20:00，和開始前 30 分鐘
    /roster 寬限 30 — 新增或修改後，等多少分鐘再發缺人提醒
    /roster 排班 { $from } { $to } — 按隊員輪流排班
    /roster 新增隊員 @使用者名稱、/roster 隊員 — 隊員
    /roster 積分 10 — 每次到班的積分
    /roster 本群組 — 在社區群組裡傳，缺人提醒發到這個群組
    /roster 日曆 — 國家放假安排；/roster 日曆 導入 — 匯入新一年的放假和補班日
    有好幾個值班表時，加上編號，比如 /roster 停班 #2 { $day_short }。
ro-ical-title = 紅管家 · 我的值班

## Refusals
ro-err-already-on = 這一班您已經在班上了。
ro-err-checkin-early = 還沒到簽到時間，{ $opens } 開始可以簽到。
ro-err-checkin-late = 這一班已經結束了。
ro-err-cron-bad = 看不懂這個規則。cron 規則寫三段：日 月 星期，比如「cron * * 1-5」（週一到週五）。
ro-err-date-bad = 看不懂日期「{ $text }」。請寫成 { $day } 或者 { $month }月{ $dom }日。
ro-err-date-past = 這一天已經過去了。
ro-err-days-bad = 看不懂這些日子。可以寫「工作日」「每天」，或者「一三五」「1 3 5」。
ro-err-full = 抱歉，這一班人已經齊了，看看別的班吧。
ro-err-here-private = 請在要收缺人提醒的社區群組裡傳這個指令。
ro-err-here-unbound = 這個群組還沒有綁定到這個值班表所在的社區，請先請管理員在群組裡傳 /setup。
ro-err-leads-bad = 看不懂提醒時間。比如「20:00 30m」表示前一天晚上 8 點，和開始前 30 分鐘。
ro-err-leads-many = 提醒最多設定 { $most } 個。
ro-err-leads-range = 提前提醒最多 24 小時。
ro-err-name-bad = 名字不能空白，最多 { $most } 個字。請再傳一次：
ro-err-no-members = 這個值班表還沒有隊員。請大家先點「加入值班隊伍」，或者用 /roster add @使用者名稱 加入。
ro-err-not-member = 抱歉，這個值班表只開放給本社區的住戶。
ro-err-not-organizer = 抱歉，只有值班表的召集人才能這樣做，什麼都沒有改變。
ro-err-not-yours = 這一班現在不是您的。
ro-err-overlap = 這個時間您已經有班了：{ $other }
ro-err-period-bad = 請寫開始和結束兩個日期，比如：{ $term_from } { $term_to }。
ro-err-period-order = 結束日期不能早於開始日期。
ro-err-person-unknown = 找不到這個人。請回覆他的訊息下指令，或者寫 @使用者名稱（對方要先和我說過話）。
ro-err-place-bad = 地點不能空白，最多 { $most } 個字。請再傳一次：
ro-err-points-bad = 積分請寫 0 到 1000 之間的整數。
ro-err-roster-gone = 這個值班表已經不在了。
ro-err-shift-gone = 這一班已經取消了。
ro-err-shift-past = 這一班已經開始或者結束了，不能再認領。
ro-err-size-bad = 請傳一個數字，比如 2。
ro-err-size-big = 每班最多 { $most } 人。
ro-err-size-zero = 每班至少要 1 個人。請再傳一個數字：
ro-err-swap-gone = 這個代班請求已經結束了。
ro-err-swap-own = 這是您自己的代班請求。
ro-err-swap-taken = 謝謝您！已經有人先接了這一班。
ro-err-switch-bad = 請寫 on（開）或者 off（關）。
ro-err-time-bad = 看不懂時間「{ $text }」。請寫成 07:30 這樣。
ro-err-times-bad = 看不懂這些時間。請寫成「07:30-08:10」，幾段之間用逗號隔開。
ro-err-times-many = 每天最多 { $most } 段。
ro-err-times-order = 結束時間 { $end } 要晚於開始時間 { $start }。請再傳一次：
ro-err-times-overlap = 這幾段時間重疊了，請錯開再傳一次：

## The official holiday arrangement (國家放假安排)
ro-note-calendar-off =
    📅 按國家 { $year } 年放假安排，{ $day } 放假，這一班取消了：
    { $shift }
    不用去了，謝謝您！{ $added }
ro-note-calendar-added =
    {""}
    補班的日子新排了班次，能來的請傳 /roster 認領：
    { $days }
ro-note-calendar-loaded = 📅 已匯入國家 { $years } 年放假安排，「{ $roster }」已經重新排班：新增 { $created } 個班次，取消 { $cancelled } 個，已通知 { $told } 位原來值這些班的人。
cal-loaded = ✅ 已匯入 { $years } 年放假安排：放假 { $holidays } 天，補班 { $workdays } 天。{ $rosters ->
        [0] 沒有值班表需要調整。
       *[other] 重新排了 { $rosters } 個值班表：新增 { $created } 個班次，取消 { $cancelled } 個，已通知 { $told } 位原來值這些班的人。
    }
cal-refused =
    沒有匯入，什麼都沒有改變。請改好下面這些地方再傳一次：
    { $problems }
cal-problem-line = 第 { $line } 行「{ $text }」：{ $reason }
cal-problem-more = ……還有 { $count } 處。
cal-err-date-bad = 看不懂日期。請寫成 2027-02-07，日期段寫成 2027-02-11..2027-02-17。
cal-err-year-bad = 年份要在 2000 到 2100 之間。
cal-err-range-order = 日期段的結束日期早於開始日期。
cal-err-range-long = 一段最多 { $most } 天。
cal-err-kind-bad = 日期後面請寫「休」（放假）或者「班」（補班）。
cal-err-conflict = { $day } 在第 { $other } 行已經寫成了另一種。
cal-err-empty = 沒有收到放假安排。每行寫一個日期或日期段，後面寫「休」或「班」。
cal-err-too-long = 最多 { $most } 行。
cal-err-no-holidays = { $year } 年只有補班日，沒有放假日。請傳來這一年完整的放假安排（放假和補班都要寫）。
cal-err-not-text = 這個檔案讀不出文字。請傳 CSV 或者文字檔（UTF-8 或 GBK），每行：日期,休/班。
cal-err-too-big = 檔案太大了，最多 { $kb } KB。
cal-err-denied = 抱歉，只有社區管理員或值班表召集人才能匯入放假安排，什麼都沒有改變。
cal-prompt =
    請傳來國家放假安排（全國統一，所有按假日排班的值班表都會跟著調整）。每行一個日期或日期段，後面寫「休」或「班」，比如：
    { $year }-01-01 休
    { $year }-02-06..{ $year }-02-12 休
    { $year }-02-14 班
    也可以傳一個 CSV 檔案（日期,類型）。
cal-prompt-group = 請在同一則訊息裡寫上放假安排，或者私訊我傳 /roster 日曆 導入。
cal-status =
    📅 國家放假安排：
    { $years }
    匯入或更正：/roster 日曆 導入，後面每行一個日期或日期段，寫「休」或「班」。
cal-status-loaded = { $year } 年：已匯入（{ $when }），放假 { $holidays } 天，補班 { $workdays } 天
cal-status-builtin = { $year } 年：國家已公布，已內建
cal-status-unknown = { $year } 年：還沒有匯入。法定假日按法定日期休息，補班日還不知道
cal-checked = 檢查通過（沒有寫入）：{ $years } 年，放假 { $holidays } 天，補班 { $workdays } 天。

## Time left, grace, reminders promised
ro-left-minutes = { $minutes } 分鐘後
ro-left-hours = { $hours } 小時後
ro-left-hours-minutes = { $hours } 小時 { $minutes } 分鐘後
ro-left-today = 今天 { $time }
ro-left-tomorrow = 明天 { $time }
ro-left-on = { $date } { $time }
ro-take-remind = 我會在{ $when }私訊提醒您。
ro-take-remind-none = 這一班不會再另外提醒您了，請記好時間。
ro-grace = 值班表新增或修改以後，先等 { $minutes } 分鐘再發缺人提醒。要改的話：/roster 寬限 45
ro-grace-set = 好的，值班表新增或修改以後，先等 { $minutes } 分鐘，讓大家看過認領，再發缺人提醒。
ro-err-grace-bad = 請寫 0 到 { $most } 之間的分鐘數，比如 /roster 寬限 45。

## Term and days off by buttons
ro-btn-set-term = 📅 設定學期
ro-btn-set-skip = 🚫 設定停班日
ro-ask-term = 「{ $roster }」的學期從哪天到哪天？請傳開始和結束兩個日期，比如：{ $term_from } { $term_to }（傳 /cancel 不設了）
ro-ask-skip = 「{ $roster }」哪些天停班？請傳日期，幾天的話用空格隔開，比如：{ $day }（傳 /cancel 不設了）
ro-set-cancelled = 好的，沒有改動。
