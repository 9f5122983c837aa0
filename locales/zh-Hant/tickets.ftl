# 報修與投訴工單（tk-）

## 指令
tk-cmd-report = 報修、投訴、提建議
tk-cmd-mytickets = 我的工單
tk-cmd-t = 查看工單詳情：/t 工單號
tk-cmd-ticket = 回覆某則訊息，替對方登記工單
tk-cmd-queue = 我的待辦工單
tk-cmd-public = 回覆工單卡片，發一條可以公開在群裡的回覆
tk-cmd-note = 回覆工單卡片，寫內部備註
tk-cmd-canned = 常用回覆
tk-cmd-party = 糾紛：登記另一方
tk-cmd-agree = 糾紛：記錄調解協議
tk-cmd-stats = 工單統計
tk-cmd-digest = 發布「您說我辦」彙整
tk-cmd-tkconfig = 工單設定

## 分類、區域、狀態、層級
tk-cat-repair = 報修
tk-cat-complaint = 投訴
tk-cat-suggestion = 建議
tk-cat-wish = 心願
tk-cat-dispute = 糾紛
tk-cat-safety = 安全急事
tk-area-home = 家裡
tk-area-lift = 電梯
tk-area-garage = 停車場
tk-area-gate = 社區大門
tk-area-greenery = 綠化
tk-area-other = 其他公共區域
tk-status-new = 待受理
tk-status-accepted = 已受理
tk-status-in_progress = 處理中
tk-status-waiting = 等待您回覆
tk-status-resolved = 已處理，待確認
tk-status-closed = 已結案
tk-status-rejected = 不予受理
tk-status-duplicate = 已合併
tk-status-reopened = 重新處理
tk-level-1 = 物業服務隊
tk-level-2 = 社區黨支部
tk-level-3 = 社區居委會
tk-desk = 社區黨支部
tk-team = { $code ->
    [repairs] 維修隊
    [safety] 保全隊
    [cleaning] 清潔隊
    [greening] 綠化隊
    [telecom] 通訊隊
   *[other] { $code }
}
tk-anonymous = 一位鄰居
tk-anonymous-staff = 匿名住戶
tk-who-system = 系統
tk-where-building = { $building } · { $area }
tk-where-area = { $area }
tk-where-home-btn = 我家：{ $home }
tk-reason-accept-late = 逾時未受理
tk-reason-resolve-late = 逾時未結案
tk-reason-manual = 工作人員上報
tk-reason-not-fixed = 住戶反映還沒修好
tk-reason-accept-soon = 快到受理期限了
tk-reason-resolve-soon = 快到結案期限了

## 私訊報事
tk-report-no-compound = 您還沒有登記住址，暫時不能報事。請先傳送 /register 登記，或在大樓群組裡直接發「#報修 內容」。
tk-report-which-compound = 請選擇社區：
tk-ask-category = 您要反映什麼事？請選一類：
tk-ask-description =
    好的，{ $category }。請用幾句話說說情況，比如在哪裡、什麼問題、從什麼時候開始。
    也可以傳照片。
tk-got-text = 收到了。還可以繼續補充文字或傳照片，說完了請按「下一步」。
tk-got-photo = 照片收到了（共 { $count } 張）。說完了請按「下一步」。
tk-err-need-text = 請先用文字說一下情況，再按「下一步」。
tk-err-description-kind = 請傳文字或照片來說明情況。
tk-err-too-many-photos = 照片最多 { $limit } 張，已經夠了。
tk-ask-where = 問題在哪裡？請點下面的按鈕，或者直接寫出地點（例如：3號樓後面的路燈），也可以傳一個位置（📎 → 位置）。
tk-confirm =
    請核對一下：
    類別：{ $category }
    地點：{ $where }
    情況：{ $text }
    照片：{ $photos } 張
    沒問題就按「送出」。選「匿名送出」的話，其他住戶看不到您的姓名和門牌，工作人員照常為您處理。
tk-btn-send = 送出
tk-btn-send-anon = 匿名送出
tk-btn-cancel = 取消
tk-btn-next = 下一步
tk-report-cancelled = 好的，已取消。需要時再傳送 /report。
tk-created =
    已登記，工單號 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }負責。
    依規定最晚 { $due } 前會有人受理，進度我會隨時告訴您。{ $anonymous }
tk-created-anon = （匿名：其他住戶看不到您的姓名和門牌）
tk-dup-offer =
    最近已經有人反映過類似的事：
    #{ NUMBER($number, useGrouping: 0) } { $category }：{ $text }
    是同一件事嗎？按「+1」就能一起追蹤，處理進度也會告訴您。
tk-btn-plus-one = 是同一件事，+1 到 #{ NUMBER($number, useGrouping: 0) }
tk-btn-new-problem = 不是，是新問題
tk-plus-done = 好的，{ $name }，您已加入工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }負責），有進度會第一時間告訴您。

## 群組報事
tk-group-created = 已登記工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }負責。有同樣問題的鄰居可以按下面的按鈕。
tk-btn-me-too = 我也遇到了
tk-plus-done-alert = 已為您加入工單 #{ NUMBER($number, useGrouping: 0) }。進度會私訊告訴您；如果還沒和我私訊過，請先私訊我按「開始」。
tk-group-unbound = 這個群組還沒有和社區連結，暫時不能在這裡報事。請聯絡社區管理員用 /setup 設定。
tk-group-not-residents = 這裡是工作群組，報事請在住戶群組裡發，或私訊我傳送 /report。
tk-err-unknown-tag = 不認得「{ $tag }」這個標籤。請用 #報修 #投訴 #建議 #心願 #糾紛 開頭，後面寫清楚情況。
tk-err-empty-group = 請在標籤後面寫清楚情況，例如：#報修 3號樓電梯不動了
tk-err-not-your-draft = 這個按鈕是給發訊息的那位鄰居的。
tk-ticket-usage = 請回覆需要登記的那則訊息，再傳送 /ticket。
tk-err-file-for-denied = 只有工作人員和大樓負責人等可以替別人登記。您自己有事可以直接發「#報修 內容」。
tk-err-empty-original = 那則訊息裡沒有文字，沒辦法登記。

## 工作卡片
tk-card =
    { $urgent }{ $late }工單 #{ NUMBER($number, useGrouping: 0) } · { $category } · { $level }
    地點：{ $where }
    報告人：{ $reporter }{ $contact }
    負責：{ $team }{ $assignee }
    狀態：{ $status }
    提交：{ $created }{ $due }{ $photos }{ $plus }
    ——————
    { $text }{ $more }
tk-card-urgent = 【緊急】
tk-card-contact = { "" } · 聯絡：{ $how }
tk-card-assignee = （{ $name }）
tk-card-due = { "" } · 期限 { $due }
tk-card-overdue = { "" } · 已逾時（期限 { $due }）
tk-card-photos = { "" } · 照片 { $count } 張
tk-card-plus = { "" } · 另有 { $count } 戶反映
tk-card-more = （全文共 { $count } 字，見下則）
tk-card-fulltext =
    工單 #{ NUMBER($number, useGrouping: 0) } 全文：
    { $text }
tk-photo-caption = 工單 #{ NUMBER($number, useGrouping: 0) } 照片 { $n }/{ $count }
tk-btn-take = 接單
tk-btn-resolve = 已處理
tk-btn-handover = 轉交
tk-btn-escalate = 上報
tk-btn-duplicate = 重複工單…
tk-btn-wait = 問住戶
tk-btn-reject = 不予受理
tk-btn-to-queue = 退回待接單
tk-took = 您已接下工單 #{ NUMBER($number, useGrouping: 0) }，請盡快聯絡處理。
tk-resolved-ok = 工單 #{ NUMBER($number, useGrouping: 0) } 已標為處理完，正在請住戶確認。
tk-escalated-ok = 工單 #{ NUMBER($number, useGrouping: 0) } 已上報到{ $level }。
tk-prompt-wait = { $name }，請直接傳一則訊息，寫下要問住戶的問題（工單 #{ NUMBER($number, useGrouping: 0) }）。傳送 /cancel 取消。
tk-prompt-rej = { $name }，請傳一則訊息說明不予受理的原因（工單 #{ NUMBER($number, useGrouping: 0) }），住戶會看到。傳送 /cancel 取消。
tk-prompt-dup = { $name }，工單 #{ NUMBER($number, useGrouping: 0) } 和哪張工單重複？請傳那張工單號，例如 12。傳送 /cancel 取消。
tk-prompt-hand-who = 工單 #{ NUMBER($number, useGrouping: 0) } 要轉交給誰？
tk-prompt-hand = { $name }，請傳一則訊息說明轉交原因（工單 #{ NUMBER($number, useGrouping: 0) }）。傳送 /cancel 取消。
tk-prompt-cancelled = 好的，已取消。
tk-done-wait = 已把問題轉給住戶，工單 #{ NUMBER($number, useGrouping: 0) } 暫停計時，等住戶回覆。
tk-done-rej = 工單 #{ NUMBER($number, useGrouping: 0) } 已標為不予受理，原因已告訴住戶。
tk-done-dup = 工單 #{ NUMBER($number, useGrouping: 0) } 已合併，報告人會轉到另一張工單繼續追蹤。
tk-done-hand = 工單 #{ NUMBER($number, useGrouping: 0) } 已轉交。
tk-err-dup-number = 請只傳工單號數字，例如 12。

## 雙向溝通
tk-relay-out =
    工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）有新回覆：
    { $text }
    —— { $steward }，{ $team }
    想回覆的話，直接回覆這則訊息就可以。
tk-relay-in =
    工單 #{ NUMBER($number, useGrouping: 0) } 住戶回覆（{ $who }）：
    { $text }
tk-relayed-out = 已轉達給 { $count } 位報告人。
tk-relayed-in = 已轉給工單 #{ NUMBER($number, useGrouping: 0) } 的工作人員。
tk-err-reply-text = 請用文字回覆。
tk-note-usage = 請回覆工單卡片，傳送「/note 備註內容」。備註只有工作人員看得到。
tk-note-saved = 已記下工單 #{ NUMBER($number, useGrouping: 0) } 的內部備註，不會發給住戶。
tk-canned-where = 常用回覆要在服務隊的工作群組裡管理和使用。
tk-canned-denied = 只有本隊成員可以管理常用回覆。
tk-canned-usage =
    常用回覆用法：
    /canned — 查看清單
    /canned add 標題: 回覆內容 — 新增
    /canned del 2 — 刪除第2則
    回覆工單卡片傳送 /canned 2 — 把第2則發給住戶
tk-canned-empty = 還沒有常用回覆。用「/canned add 標題: 回覆內容」新增。
tk-canned-list = 常用回覆（回覆工單卡片傳送 /canned 序號即可使用）：
tk-canned-line = { $n }. { $title }：{ $text }
tk-canned-added = 已新增常用回覆「{ $title }」。
tk-canned-removed = 已刪除常用回覆「{ $title }」。
tk-canned-exists = 已經有叫「{ $title }」的常用回覆了。
tk-canned-unknown = 沒有第 { $n } 則常用回覆。傳送 /canned 查看清單。

## 通知住戶
tk-n-taken = { $recipient }您好，您反映的工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已由{ $team }的{ $steward }接手處理。
tk-n-waiting =
    { $recipient }您好，關於工單 #{ NUMBER($number, useGrouping: 0) }，{ $team }的{ $steward }想問您：
    { $text }
    請直接回覆這則訊息。
tk-n-resolved =
    { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已處理。{ $note }
    請問問題解決了嗎？
tk-note-line = 處理情況：{ $note }
tk-btn-fixed = 解決了
tk-btn-notfixed = 還沒解決
tk-n-rejected =
    { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）暫不受理，原因是：
    { $reason }
    如有疑問，可以直接回覆這則訊息。
tk-n-duplicate = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) } 和工單 #{ NUMBER($survivor, useGrouping: 0) } 是同一件事，已合併。之後的進度會依 #{ NUMBER($survivor, useGrouping: 0) } 告訴您。
tk-n-escalated = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已上報到{ $level }（{ $reason }），會有專人追蹤。{ $contacts }
tk-n-reopened = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) } 有住戶反映還沒解決，已重新處理。
tk-n-closed-confirmed = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已確認解決，結案了。謝謝您的反映！
tk-n-closed-unconfirmed = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）處理後 3 天沒有收到回覆，已依「已處理」結案。如果問題還在，請重新報事。
tk-n-filed-for-you =
    { $recipient }您好，工作人員依您在群組裡的留言，替您登記了工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }），由{ $team }負責：
    { $text }
    有進度會在這裡告訴您，也可以直接回覆這則訊息補充情況。
tk-n-assigned = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）輪到您接單了，請在工作群組的卡片上按「接單」。
tk-n-handed-to-you = { $steward }把工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）轉交給您，原因：{ $reason }。請在卡片上按「接單」。
tk-n-party-added = { $recipient }您好，您被登記為糾紛工單 #{ NUMBER($number, useGrouping: 0) } 的一方，調解員會聯絡您，調解協議也會傳到這裡請您確認。
tk-n-agreement =
    { $recipient }您好，糾紛工單 #{ NUMBER($number, useGrouping: 0) } 的調解協議如下：
    { $text }
    您同意嗎？
tk-btn-agree-yes = 同意
tk-btn-agree-no = 不同意
tk-n-agreement-declined = 工單 #{ NUMBER($number, useGrouping: 0) } 的調解協議有一方不同意，調解員會繼續協調。
tk-n-mediated =
    糾紛工單 #{ NUMBER($number, useGrouping: 0) } 雙方都已同意調解協議，調解成功，工單結案：
    { $text }
tk-vote-waiting = 您已同意，正在等另一方確認。
tk-vote-mediated = 雙方都已同意，工單 #{ NUMBER($number, useGrouping: 0) } 調解成功。
tk-vote-declined = 已記下您不同意，調解員會繼續協調。

## 工作群組提示
tk-info-escalated =
    【知會】工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }）已上報到{ $level }。
    地點：{ $where }
    情況：{ $text }
tk-w-confirmed = 工單 #{ NUMBER($number, useGrouping: 0) }：住戶確認已解決，結案。
tk-w-notfixed = 工單 #{ NUMBER($number, useGrouping: 0) }：{ $who } 反映還沒解決，已重新開啟並上報一級。
tk-w-overdue = 工單 #{ NUMBER($number, useGrouping: 0) } 仍未結案（{ $reason }），請盡快處理。
tk-w-mediated = 工單 #{ NUMBER($number, useGrouping: 0) }：雙方同意調解協議，已結案。
tk-w-agreement-declined = 工單 #{ NUMBER($number, useGrouping: 0) }：{ $who } 不同意調解協議，請繼續協調。
tk-warn = 提醒：工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $what }，期限是 { $due }。
tk-g-taken = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已由{ $team }接單處理。
tk-g-resolved = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已處理完畢。
tk-g-rejected = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）暫不受理，已向報告人說明原因。
tk-g-duplicate = 工單 #{ NUMBER($number, useGrouping: 0) } 與另一張工單是同一件事，已合併處理。

## 是否解決與評價
tk-thanks-fixed = 太好了，謝謝您的確認！工單 #{ NUMBER($number, useGrouping: 0) } 已結案。
tk-thanks-notfixed = 抱歉還沒解決好，工單 #{ NUMBER($number, useGrouping: 0) } 已重新處理並上報一級，會盡快給您答覆。
tk-ask-stars = 請給這次服務評個分（1–5 顆星）：
tk-thanks-stars = 謝謝您給工單 #{ NUMBER($number, useGrouping: 0) } 評了 { $stars } 顆星！想補充意見的話，直接回覆這則訊息就可以。
tk-comment-saved = 謝謝，您對工單 #{ NUMBER($number, useGrouping: 0) } 的意見已記下。

## 查看
tk-mine-title = 您的工單：
tk-mine-empty = 您目前沒有工單。有事可以傳送 /report。
tk-line = #{ NUMBER($number, useGrouping: 0) } { $category } · { $status }{ $late } · { $created } · { $text }
tk-line-late = （已逾時）
tk-show-usage = 請傳送「/t 工單號」，例如 /t 12。
tk-show-public = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $status }，由{ $team }負責。
tk-details =
    工單 #{ NUMBER($number, useGrouping: 0) } · { $category } · { $status }
    負責：{ $team } · { $level } · 經辦人：{ $assignee }
    地點：{ $where }
    報告人：{ $reporter }
    提交：{ $created }{ $due }{ $photos }
    ——————
    { $text }
tk-timeline-title = 處理紀錄：
tk-tl-line = { $at } { $what } · { $who }{ $note }
tk-tl-note = ：{ $note }
tk-ev-create = 登記
tk-ev-take = 接單
tk-ev-start = 開始處理
tk-ev-wait = 詢問住戶
tk-ev-resume = 住戶已回覆
tk-ev-resolve = 處理完成
tk-ev-confirm = 確認解決
tk-ev-deny = 反映未解決
tk-ev-expire = 逾時自動結案
tk-ev-reject = 不予受理
tk-ev-merge = 合併到
tk-ev-mediate = 調解成功
tk-ev-escalate = 上報
tk-ev-handover = 轉交
tk-ev-reply = 回覆
tk-ev-canned = 回覆
tk-ev-message = 住戶留言
tk-ev-note = 內部備註
tk-ev-plus_one = 鄰居 +1
tk-ev-absorb = 合併了
tk-ev-warn = 期限提醒
tk-ev-overdue = 逾時提醒
tk-ev-party = 登記糾紛另一方
tk-ev-agree = 調解協議
tk-ev-agree_no = 不同意協議
tk-queue-mine = 我負責的（{ $count }）：
tk-queue-free = 待接單（{ $count }）：
tk-queue-empty = 現在沒有待辦工單，辛苦了！
tk-queue-rating = 住戶對您的評價：{ $stars } 顆星（{ $count } 則評價）

## 統計
tk-stats-denied = 只有管理員、黨支部、居委會、管委會和服務隊的管家可以看工單統計。
tk-stats =
    「{ $compound }」工單統計
    未結案：{ $open } 件，其中逾時 { $overdue } 件
    各服務隊（未結案 · 滿意度）：
    { $teams }
    近兩個月結案：住戶確認 { $confirmed } 件，3 天無人回覆 { $unconfirmed } 件，聯繫不上報告人（未確認）{ $unreached } 件
    受理用時中位數：{ $accept }；結案用時中位數：{ $resolve }
    滿意度：{ $satisfaction }
    本月 { $this_month } 件，上月 { $last_month } 件，分類：
    { $categories }
tk-stats-team = · { $team }：{ $count } 件 · { $rating }
tk-stats-desk = 社區黨支部
tk-stats-office = 社區居委會
tk-stats-steward = {"   "}◦ { $name }：{ $rating }
tk-stats-rated = { $stars } 顆星（{ $count } 則評價）
tk-stats-unrated = 暫無評價
tk-stats-hours = { $hours } 小時
tk-stats-no-hours = 暫無
tk-stats-scope = { $compound } · { $team }
tk-stats-no-team = 您還不在任何服務隊裡，所以還沒有您服務隊的統計。請聯絡社區管理員把您加入服務隊。
tk-stats-chart-caption =
    「{ $compound }」近 { $weeks } 週工單（橫軸是每週一的日期）：
    紅柱：新報 { $opened } 件；綠柱：結案 { $resolved } 件；
    黑線：結案用時中位數（小時，看右邊的刻度）。
tk-stats-category = · { $category }：本月 { $now }，上月 { $before }
tk-stats-none = · 暫無

## 糾紛調解
tk-party-usage = 用法：回覆另一方的訊息傳送「/party 工單號」，或私訊傳送「/party 工單號 @使用者名稱」。
tk-party-unknown = 找不到這位住戶。請回覆他的訊息再傳送，或確認他和我私訊過。
tk-party-added = 已把 { $name } 登記為工單 #{ NUMBER($number, useGrouping: 0) } 的另一方。
tk-agree-usage = 用法：/agree 工單號 協議內容
tk-agree-sent = 工單 #{ NUMBER($number, useGrouping: 0) } 的調解協議已發給雙方確認。

## 您說我辦
tk-digest-denied = 只有社區黨支部和管理員可以發布「您說我辦」。
tk-digest-empty = 「{ $compound }」暫時沒有新辦好的建議和心願可以發布。
tk-digest-no-groups = 「{ $compound }」還沒有連結住戶群組，沒辦法發布。
tk-digest-preview = 預覽（確認後會發到社區各個群組）：
tk-digest =
    【您說我辦】「{ $compound }」最近辦好的 { $count } 件事：
    { $items }
    謝謝大家的建議和心願，有想法隨時在群組裡發 #建議 或 #心願。
tk-digest-line = · #{ NUMBER($number, useGrouping: 0) } { $category }：{ $said }{ $did }
tk-digest-did = → 辦理：{ $text }
tk-btn-publish = 發布
tk-digest-cancelled = 好的，先不發布。
tk-digest-published = 已發布 { $items } 件事到 { $groups } 個群組。

## 工單設定
tk-cfg-overview =
    工單設定（受理/結案期限，單位：分鐘）：
    { $lines }
    修改範例：
    /tkconfig repair team repairs
    /tkconfig repair sla 2h 48h
    /tkconfig complaint tags #物業
    /tkconfig hours repairs 08:00-18:00
tk-cfg-line = · { $category } → { $team } · { $accept }/{ $resolve } · 標籤 { $tags } · 上班時間 { $hours }
tk-cfg-saved = 已儲存。傳送 /tkconfig 查看目前設定。
tk-cfg-usage = 格式不對。傳送 /tkconfig 查看用法範例。
tk-cfg-bad-category = 沒有「{ $value }」這個類別。可以用：repair complaint suggestion wish dispute safety
tk-cfg-bad-team = 找不到服務隊「{ $value }」。
tk-cfg-bad-duration = 時間「{ $value }」看不懂，請寫成 30m、2h 或 3d。
tk-cfg-bad-hours = 上班時間「{ $value }」看不懂，請寫成 08:00-18:00，或 off 表示全天。
tk-cfg-bad-sla = 受理期限要比結案期限短。
tk-cfg-bad-tag = 標籤「{ $value }」要以 # 開頭，中間不能有空格。

## 出錯了
tk-err-empty = 內容是空的，請寫幾句話說明情況。
tk-err-too-long = 內容太長了（最多 { $limit } 字），請精簡一下。
tk-err-no-ticket = 找不到這張工單。
tk-err-not-visible = 找不到工單 #{ NUMBER($number, useGrouping: 0) }，或者您沒有查看權限。
tk-err-not-your-team = 工單 #{ NUMBER($number, useGrouping: 0) } 不歸您的服務隊處理，您不能操作。
tk-err-stale = 這張卡片已過期：工單 #{ NUMBER($number, useGrouping: 0) } 現在是「{ $status }」。
tk-err-transition = 工單現在是「{ $status_name }」，不能這樣操作。
tk-err-owned = 工單 #{ NUMBER($number, useGrouping: 0) } 由 { $name } 負責，請他本人操作或先轉交。
tk-err-taken = 慢了一步，工單 #{ NUMBER($number, useGrouping: 0) } 已經由 { $name } 接單了。
tk-err-already-yours = 工單 #{ NUMBER($number, useGrouping: 0) } 已經是您負責的了。
tk-err-not-assigned = 工單 #{ NUMBER($number, useGrouping: 0) } 還沒有人接單，不需要轉交。
tk-err-handover-target = 不能轉交給這個人（工單 #{ NUMBER($number, useGrouping: 0) }）。
tk-err-reason-needed = 請寫明原因。
tk-err-top-level = 工單 #{ NUMBER($number, useGrouping: 0) } 已經在最高一級（社區居委會）了。
tk-err-dup-target = 找不到工單 #{ NUMBER($number, useGrouping: 0) }，或者就是這張工單本身。
tk-err-dup-closed = 工單 #{ NUMBER($number, useGrouping: 0) } 已經結案，不能合併到它。
tk-err-plus-closed = 工單 #{ NUMBER($number, useGrouping: 0) } 已經結案了。如果問題又出現，請重新報事。
tk-err-already-following = 您已經在追蹤工單 #{ NUMBER($number, useGrouping: 0) } 了。
tk-err-not-follower = 您不是這張工單的報告人。
tk-err-final = 工單 #{ NUMBER($number, useGrouping: 0) } 已經是「{ $status }」，不能再回覆了。如有新問題請重新報事。
tk-err-question-stale = 這個問題已經過期：工單 #{ NUMBER($number, useGrouping: 0) } 現在的狀態是「{ $status }」。
tk-err-answered = 您已經回答過了（工單 #{ NUMBER($number, useGrouping: 0) }），謝謝！
tk-err-answer-first = 請先按「解決了」或「還沒解決」（工單 #{ NUMBER($number, useGrouping: 0) }）。
tk-err-stars = 請選 1 到 5 顆星。
tk-err-not-dispute = 工單 #{ NUMBER($number, useGrouping: 0) } 不是糾紛類工單。
tk-err-already-party = 這位已經是工單 #{ NUMBER($number, useGrouping: 0) } 的一方了。
tk-err-need-parties = 工單 #{ NUMBER($number, useGrouping: 0) } 還沒有登記另一方，請先用 /party 登記。
tk-err-not-party = 您不是工單 #{ NUMBER($number, useGrouping: 0) } 的當事人。
tk-err-agreement-stale = 這份協議已過期（工單 #{ NUMBER($number, useGrouping: 0) } 有了新協議或已結案）。

## 聯繫不上報告人時（群裡跟進）
tk-btn-follow = 私聊我接收進度
tk-gf-replied = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $team }的{ $steward }回覆了報告人。報告人請點登記回覆下的「私聊我接收進度」查看。
tk-gf-replied-public =
    工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }的{ $steward }回覆：
    { $text }
tk-gf-waiting = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $team }的{ $steward }想向報告人了解情況。報告人請點登記回覆下的「私聊我接收進度」查看並回覆。
tk-gf-resolved =
    工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $team }已處理。{ $note }
    請報告人確認：問題解決了嗎？
tk-gf-escalated = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）已轉到{ $level }，現在由{ $level }負責跟進。{ $contacts }
tk-contacts-hint = { $level }的聯絡方式：傳送 /contacts 就能看到。
tk-gf-reopened = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）有報告人反映還沒解決，已重新處理。
tk-gf-closed-confirmed = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）報告人已確認解決，結案了。
tk-g-closed-unreached = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）處理後 3 天沒有得到報告人確認，按「未確認」結案。如果問題還在，請重新報事。
tk-err-follow-not-yours = 這個連結是給工單的報告人用的。如果您也遇到了同樣的問題，請在群裡點那條登記回覆下的「我也遇到了」。
tk-follow-ok = 好的，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }，{ $team }負責）之後的進度都會私聊告訴您。現在的狀態：{ $status }。{ $ask }
tk-follow-ask = 工作人員已處理，請問問題解決了嗎？
tk-n-reopened-steward = 您處理過的工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）被{ $who }反映還沒解決，已重新打開。
tk-public-usage = 請回覆工單卡片，傳送「/public 回覆內容」。這樣的回覆在報告人無法私聊收到時，會原樣發在群裡的工單下面。
tk-dup-offer-private =
    最近已經有住戶反映過類似的事（工單 #{ NUMBER($number, useGrouping: 0) }，{ $category }）。
    是同一件事嗎？按「+1」就能一起追蹤，處理進度也會告訴您。
tk-digest-said-private = 一位住戶私下提出的意見
tk-n-closed-unreached = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）處理後 3 天沒有得到報告人確認，按「未確認」結案。如果問題還在，請重新報事。

## 上報梯級的空檔
tk-card-late = 【已逾時】
tk-w-escalated = 工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $reason }，已上報到{ $level }。
tk-holder-admins = 社區管理員
tk-ev-skip = 越級轉交（該級無人負責）
tk-gap-2 =
    提醒：「{ $compound }」還沒有社區黨支部的群，也沒有人擔任黨支部角色。工單上報到這一級時會直接轉給下一級。
    補上辦法：在黨支部的群裡發送 /setup 選「黨支部群」，或私訊我發送 /grant 黨支部 @用戶名
tk-gap-3 =
    提醒：「{ $compound }」還沒有社區居委會的群，也沒有人擔任社區幹部。工單上報到這一級時會轉給社區管理員。
    補上辦法：在居委會的群裡發送 /setup 選「社區居委會群」，或私訊我發送 /grant 社區幹部 @用戶名

## 處理說明
tk-prompt-note = 工單 #{ NUMBER($number, useGrouping: 0) } 已處理。給住戶留一句處理說明嗎？點下面的常用說明，或回覆這則訊息寫一句；也可以略過。
tk-note-canned-1 = 已修好，請放心使用
tk-note-canned-2 = 已更換損壞的零件
tk-note-canned-3 = 已到現場處理完畢
tk-btn-note-skip = 略過
tk-note-skipped = 好的，不寫處理說明。
tk-note-sent = 處理說明已發給工單 #{ NUMBER($number, useGrouping: 0) } 的住戶。
tk-err-note-given = 工單 #{ NUMBER($number, useGrouping: 0) } 這次處理已經寫過說明了。
tk-n-resolution = { $recipient }您好，工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）{ $steward }的處理說明：{ $note }
tk-ev-resolution = 處理說明

## 怎麼報事（/help、群組置頂的歡迎、只發 /report）
tk-guide-title = 怎麼報事：在社區群組或樓棟群組裡發一則訊息，用標籤開頭，後面寫清楚情況：
tk-guide-line = { $tag }{ $also }　例：{ $tag } { $example }
tk-guide-also = （也可以用 { $tags }）
tk-guide-example-repair = 3號樓電梯不動了
tk-guide-example-complaint = 樓下燒烤店半夜還很吵
tk-guide-example-suggestion = 社區門口能不能加一個快遞櫃
tk-guide-example-wish = 希望小花園裡多放幾張長椅
tk-guide-example-dispute = 樓上漏水到我家，和鄰居商量不成
tk-guide-example-safety = 地下停車場有很濃的瓦斯味
tk-guide-private = 不想在群組裡說的事，可以私訊我發 /report，一步一步登記。
tk-report-guide = 請在 /report 後面寫清楚情況，或者直接用標籤開頭發訊息：
tk-welcome-title = 大家好！本群組已經接入紅管家，有事隨時報，件件有回音。

## 報事地點：位置、地點名或文字
tk-where-more = { $where }{ $place }{ $map }
tk-where-place = { "" } · { $place }
tk-where-map = { "" } · 地圖：{ $url }
tk-where-pin = 已收到的位置（工作人員會看到地圖）
tk-err-step-where = 請點上面的按鈕選地點，或者直接寫出地點（例如：3號樓後面的路燈），也可以傳一個位置。
tk-err-place-long = 地點寫 { $limit } 個字以內就好，詳細情況已經在描述裡了。
tk-err-place-pin = 這個位置看不懂，請重新傳一次，或者直接寫出地點。
tk-err-step-compound = 請點上面的按鈕，選是哪個社區的事。想重新開始請發 /report，不報了請發 /cancel。
tk-err-step-category = 請點上面的按鈕選一類（報修、投訴、建議……），選好後再寫情況。不報了請發 /cancel。
tk-err-step-confirm = 請點上面的按鈕：送出、匿名送出或取消。要改內容請發 /report 重新開始。
tk-err-step-buttons = 請點上面的按鈕繼續，或者發 /cancel 取消。
tk-ev-rate = 住戶評價
tk-ev-comment = 住戶意見
tk-w-rated = 工單 #{ NUMBER($number, useGrouping: 0) }：{ $who } 評了 { $stars } 顆星。
tk-n-rated-steward = 您處理的工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $who } 評了 { $stars } 顆星。
tk-w-commented = 工單 #{ NUMBER($number, useGrouping: 0) }：{ $who } 的意見：{ $comment }
tk-n-commented-steward = 您處理的工單 #{ NUMBER($number, useGrouping: 0) }（{ $category }）：{ $who } 的意見：{ $comment }
tk-ask-contact = 處理時，管家可以打電話或私訊聯絡您嗎？（只在工作群組的工單上顯示您的電話和使用者名稱，選一次就記住，在 /profile 裡隨時能改。）
tk-btn-contact-yes = 📞 可以聯絡我
tk-btn-contact-no = 不用聯絡我
tk-contact-yes = 好的，處理您的報修時管家可以聯絡您。在 /profile 裡隨時能改。
tk-contact-no = 好的，不會把您的電話給管家。在 /profile 裡隨時能改。
