# 志工活動：建立、報名、候補、簽到、提醒

act-cmd-activities = 近期志工活動
act-cmd-activity = 發起志工活動

## 日期與時間
act-weekday-1 = 週一
act-weekday-2 = 週二
act-weekday-3 = 週三
act-weekday-4 = 週四
act-weekday-5 = 週五
act-weekday-6 = 週六
act-weekday-7 = 週日
act-date = { $month }月{ $day }日（{ $weekday }）
act-moment = { $date } { $time }
act-span = { $date } { $start }–{ $end }
act-span-days = { $start } 至 { $end }

## 活動卡片
act-card = { $body }
act-card-title = 🙋 志工活動：{ $title }
act-card-when = 🕘 時間：{ $when }
act-card-place = 📍 地點：{ $place }
act-card-seats = 👥 名額 { $capacity } 人，還剩 { $left } 個{ $waiting ->
    [0] {""}
   *[other] ，另有 { $waiting } 人候補
}
act-card-cancelled = ❌ 本次活動已取消
act-card-finished = ✅ 活動已結束，共 { $attended } 人參加，謝謝大家！
act-card-points = ⭐ 參加可得 { $points } 積分
act-card-deadline = 📝 報名截止：{ $deadline }
act-card-party-only = 🎖 本次活動僅限黨員參加

act-btn-join = 我要報名
act-btn-leave = 取消報名
act-btn-checkin = 我到了（簽到）
act-btn-approve = 同意報名
act-btn-decline = 不同意
act-btn-attendance = 登記出席情況
act-btn-call-off = 取消整個活動
act-btn-call-off-yes = 確定取消活動
act-btn-back = 返回
act-btn-organized = 我主辦的活動
act-btn-finish = 結束活動並發放積分
act-btn-finish-yes = 確定結束並發放
act-btn-skip = 不寫了，跳過
act-btn-default-deadline = 開始前都可以報名
act-btn-default-cutoff = 用預設時間
act-btn-rule-points = 按規則給 { $points } 分
act-btn-done = 選好了
act-btn-publish = 發布
act-btn-discard = 不發了

## 報名結果（按鈕提示）
act-joined = 報名成功！「{ $title }」幫您留好位置了。
act-waitlisted = 名額已滿，已幫您登記候補，目前排第 { $position } 位。有人取消時會第一時間私訊通知您。
act-pending = 已收到您的報名。因為之前有幾次報名後沒能出席，這次需要主辦人確認，確認後會通知您。
act-already-joined = 您已經報過名了，位置幫您留著。
act-already-waitlisted = 您已在候補名單上，目前排第 { $position } 位。
act-see-private = 詳細資訊和提醒會用私訊傳給您（請先私訊我一次）。
act-left = 已取消「{ $title }」的報名。
act-checked-in = 簽到成功，感謝您參加「{ $title }」！
act-already-checked-in = 您已經簽到過了，謝謝！

## 私訊裡的活動詳情
act-you-confirmed = ✅ 您已報名。
act-you-waitlisted = ⏳ 您在候補名單上，排第 { $position } 位。
act-you-pending = ⏳ 您的報名正在等主辦人確認。
act-you-declined = 主辦人這次沒有同意您的報名。
act-you-checked-in = ✅ 您已簽到。

act-list = 「{ $compound }」近期的志工活動，點一下查看詳情並報名：
act-list-empty = 「{ $compound }」最近還沒有志工活動，有新活動時會在社區群組裡通知。
act-list-organized = 您主辦的活動，點一下管理：
act-list-organized-empty = 您目前沒有進行中的活動。傳送 /activity 發起一個吧。
act-list-item = { $date } { $title }（剩 { $left } 個名額）
act-no-compound = 您還沒有登記住址，暫時看不到社區的活動。請先傳送 /register 登記。
act-none-compound = 您目前沒有發起志工活動的權限。如有需要，請聯絡社區管理員。
act-private-only = 這件事請私訊我辦理喔，點我的頭像傳訊息就可以。

## 私訊通知
act-note-joined = 您已報名「{ $title }」。
    時間：{ $when }
    地點：{ $place }
    { $reminders }
act-note-waitlisted = 「{ $title }」名額已滿，您在候補第 { $position } 位。有空位時我會馬上告訴您。
act-note-promoted = 好消息！「{ $title }」有人取消，您已從候補轉為正式報名。
    時間：{ $when }
    地點：{ $place }
    如果不能去，請及時取消，把位置留給別人。
act-note-approve-ask = { $name } 想報名「{ $title }」。此人之前有幾次報名後沒出席，請您決定是否同意。
act-note-declined = 很抱歉，主辦人這次沒有同意您報名「{ $title }」。如有疑問可以聯絡主辦人。
act-note-approved = 主辦人已同意您報名「{ $title }」。{ $seated ->
    [true] 位置已經幫您留好了。
   *[false] 目前名額已滿，您在候補第 { $position } 位。
}
act-note-earned = 感謝您參加「{ $title }」！已為您記 { $points } 積分，現在共有 { $balance } 分。傳送 /points 查看。
act-note-missed = 「{ $title }」沒有看到您簽到，記為缺席一次（累計 { $count } 次）。累計 { $limit } 次後，再報名需要主辦人確認。如果是誤記，請聯絡主辦人。
act-note-remind-day = 貼心提醒：您報名的「{ $title }」明天開始。
    時間：{ $when }
    地點：{ $place }
    如果不能去，請傳送 /activities 取消報名。
act-remind-both = 活動前一天和前一小時我會提醒您。
act-remind-day = 活動前一天我會提醒您。
act-remind-hour = 開始前一小時我會提醒您。
act-remind-none = 活動馬上就要開始了，不再另外提醒，請直接前往。
act-note-remind-hour = 貼心提醒：「{ $title }」{ $left }開始。
    時間：{ $when }
    地點：{ $place }
    到了以後請點下面的按鈕簽到。
act-note-called-off = 很抱歉，「{ $title }」已經取消了。感謝您的熱心，期待下次活動再見！

## 發起活動（/activity）
act-words-activity = 新建 / 列表
act-unknown-word = 看不懂「{ $word }」，什麼也沒有做。/activity 後面可以寫：{ $words }；什麼都不寫就是發起新活動。
act-new-intro = 我們來為「{ $compound }」發起一個志工活動。隨時傳送 /cancel 可以放棄。
act-ask-title = 活動叫什麼名字？（例如：樓梯間大掃除、探訪獨居長者）
act-ask-description = 簡單介紹一下活動內容吧（不超過 600 字）。不寫的話點按鈕或回覆「跳過」。
act-ask-place = 在哪裡集合？（例如：3 棟樓下、社區活動中心）
act-ask-start = 什麼時候開始？請寫日期和時間，例如：{ $month }月{ $day }日 9:00，或者：明天 14:30
act-ask-end = 什麼時候結束？寫時間就好，例如：11:30
act-ask-capacity = 需要多少人？請傳一個數字，例如：10
act-ask-deadline = 報名截止到什麼時候？請寫日期和時間，或者點按鈕（或回覆「預設」）：開始前（{ $default }）都可以報名。
act-ask-cutoff = 取消報名最晚到什麼時候？過了這個時間就不能自己取消了。請寫日期和時間，或者用預設時間（點按鈕或回覆「預設」）：{ $default }。
act-ask-kind = 這是哪一類活動？積分會按社區的規則來算。
act-ask-points = 參加的人每人得多少積分？請傳一個數字（0 表示不記積分）；有按鈕時也可以回覆「按規則」。
act-ask-audience = 哪些人可以報名？
act-ask-buildings = 請選擇大樓（可以多選），選好後點「選好了」。
act-ask-team = 請選擇志工隊：
act-ask-requirement = 有沒有報名條件？
act-kind-attend = { $name }（每次 { $points } 分）
act-kind-hour = { $name }（每小時 { $points } 分）
act-kind-none = 其他
act-aud-compound = 全社區住戶
act-aud-buildings = 部分大樓
act-aud-team = 某個志工隊
act-req-none = 人人都可以報名
act-req-party = 僅限黨員
act-preview = 請核對一下，沒問題就點「發布」：

    { $body }
act-preview-capacity = 👥 名額：{ $capacity } 人
act-preview-cutoff = ↩️ 取消報名截止：{ $cutoff }
act-preview-aud-compound = 🏘 對象：全社區住戶
act-preview-aud-buildings = 🏘 對象：所選大樓的住戶
act-preview-aud-team = 🏘 對象：所選志工隊
act-use-buttons = 請點上面的按鈕選擇。
act-discarded = 好的，這個活動不發了。
act-start-again = 請傳送 /activity 重新開始。
act-published = 「{ $title }」已發布到 { $groups } 個群組。報名情況可以傳送 /activities 查看和管理。

## 主辦人：簽到與結束
act-att-title = 「{ $title }」出席情況：已到 { $came } / { $total } 人。
    點名字可以切換「已到」和「未到」。
act-att-came = ✅ { $name }
act-att-not = ⬜ { $name }
act-finish-confirm = 確定結束「{ $title }」嗎？
    已到 { $came } 人，每人記 { $points } 分；未到 { $missed } 人，記缺席一次。
    結束後不能再修改。
act-finished = 「{ $title }」已結束：{ $came } 人出席，共發放 { $points } 積分；{ $missed } 人未到。
act-call-off-confirm = 確定要取消整個「{ $title }」嗎？已報名的人都會收到通知。
act-called-off = 「{ $title }」已取消，已通知所有報名的人。
act-decided-confirmed = 已同意，「{ $title }」幫這位住戶留了位置。
act-decided-waitlisted = 已同意。「{ $title }」名額已滿，這位住戶進入候補。
act-decided-declined = 已婉拒這位住戶報名「{ $title }」。
act-decided-decided = 這筆報名已經處理過了。

## 不能辦理的原因
act-err-not-found = 找不到這個活動了。
act-err-cancelled = 這個活動已經取消了。
act-err-finished = 這個活動已經結束了。
act-err-started = 活動已經開始了，不能再報名或取消。
act-err-deadline = 報名已經截止了（截止時間：{ $deadline }）。
act-err-cutoff = 已經過了取消報名的時間（{ $cutoff }）。如果真的不能去，請直接聯絡主辦人。
act-err-not-signed-up = 您沒有報名這個活動。
act-err-declined = 主辦人這次沒有同意您報名，如有疑問請聯絡主辦人。
act-err-party-only = 這個活動僅限黨員報名。
act-err-team-only = 這個活動僅限該志工隊的隊員報名。
act-err-buildings-only = 這個活動只開放給部分大樓的住戶。
act-err-not-resident = 請先登記您在本社區的住址（傳送 /register），登記後就能報名了。
act-err-not-verified = 您的住址登記還在審核中，審核通過後就能報名了。
act-err-not-organizer = 只有活動主辦人可以這樣操作。
act-err-not-confirmed = 您沒有這個活動的正式名額，不需要簽到。
act-err-checkin-early = 還沒到簽到時間，{ $opens } 開始簽到。
act-err-checkin-late = 簽到時間已過。如果您有參加，請告訴主辦人幫您登記。
act-err-marking-early = 活動開始前半小時才能登記出席情況。
act-err-finish-early = 活動開始以後才能結束並發放積分。
act-err-not-allowed = 抱歉，您沒有這項權限。
act-err-audience = 所選的大樓或志工隊不屬於這個社區，請重新發起。
act-err-title = 活動名稱需要填寫，且不超過 80 個字。
act-err-place = 集合地點需要填寫，且不超過 100 個字。
act-err-description = 活動介紹不能超過 600 個字。
act-err-start-past = 開始時間已經過去了。
act-err-end-before-start = 結束時間要晚於開始時間。
act-err-too-long-event = 一個活動不能超過 24 小時。
act-err-capacity = 名額需要在 1 到 500 人之間。
act-err-deadline-range = 報名截止時間要在現在之後、活動開始之前。
act-err-cutoff-range = 取消截止時間要在現在之後、活動開始之前。
act-err-points = 積分需要在 0 到 200 之間。
act-err-form-empty = 這一項不能空著，請再寫一下。
act-err-form-too-long = 太長了，請控制在 { $most } 個字以內。
act-err-form-capacity = 請傳一個 { $least } 到 { $most } 之間的數字。
act-err-form-points = 請傳一個 { $least } 到 { $most } 之間的數字。
act-err-form-when = 看不懂這個時間。請這樣寫：{ $month }月{ $day }日 9:00，或者：明天 14:30
act-err-form-start = 開始時間要在現在之後，一年以內。
act-err-form-end = 結束時間要晚於開始時間，且活動不超過 24 小時。
act-err-form-before-start = 這個時間要在現在之後、活動開始之前。
act-err-form-buildings = 請至少選擇一棟大樓。
act-err-bad-setting = 沒有這個設定項目。
act-err-setting-range = 請填 { $low } 到 { $high } 之間的數字。
act-err-rule-code = 規則代號是一個詞：中文、字母、數字、- 和 _，不超過 32 個字，也不能只有數字，例如 護學崗 或 eldercare。
act-err-rule-basis = 計分方式只能是 每次、每小時 或 每月（英文 attend、hour、month 也可以）。
act-err-rule-points = 積分需要在 1 到 1000 之間。
act-err-rule-name = 規則名稱需要填寫，且不超過 64 個字。
act-err-no-rule = 沒有叫「{ $code }」的積分規則。傳送 /pointrules 查看現有規則。
act-err-unknown-person = 找不到這個人，或者對方不是本社區的登記住戶。請用 @使用者名稱 或 Telegram 數字 ID。
act-err-amount = 積分數需要是 1 到 { $most } 之間的整數（扣分寫負數，例如 -2）。
act-err-award-repeated = 同樣的積分剛剛記過，請確認是否再發一次。
act-err-reason = 請寫明原因（不超過 { $most } 個字），例如：/award @xiaoli 2 幫忙搬運物資
act-err-deduct-too-much = 扣分不能超過對方現有的積分（現有 { $balance } 分）。
