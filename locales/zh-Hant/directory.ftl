# 通訊錄：找人、留言、常用電話、入住 QR Code
dir-cmd-contacts = 查看本棟聯絡人
dir-cmd-contactadd = 新增常用電話（管理員）
dir-cmd-contactdel = 刪除常用電話（管理員）
qr-cmd = 產生入住登記 QR Code

dir-title = 📒 { $place } 聯絡人
dir-section-teams = 【服務隊 · 正在值班】
dir-section-leaders = 【大樓裡的負責人】
dir-section-party = 【黨員亮身分】
dir-section-entries = 【常用電話】
dir-section-ladder = 【社區黨支部 · 社區居委會】（工單轉到他們那裡時找他們）
dir-branch-missing = · 黨支部：還沒有登記聯絡人，請向社區管理員詢問。
dir-line = · { $label }：{ $name }{ $phone }
dir-line-party = · 黨員 { $name }{ $phone }
dir-line-entry = · { $label }：{ $phone }{ $note }
dir-phone-suffix = （電話 { $phone }）
dir-note-suffix = （{ $note }）
dir-party-more = 還有 { $count } 位黨員，這裡就不一一列出了。
dir-empty = 這裡還沒有登記聯絡人，請聯絡社區管理員補上。
dir-not-found = 找不到這個社區或這棟樓，可能已經被刪除了。
dir-role-in-building = { $role }（{ $building }）
dir-message-button = ✉️ 給{ $name }留言
dir-none-registered =
    您還沒有登記住在哪一戶，所以我還不知道該給您看哪棟樓的聯絡人。
    請用手機掃描社區公佈欄上的 QR Code，或點大樓群組裡的登記連結，登記好後再傳送 /contacts 就可以了。
dir-choose-building = 您登記了好幾處房子，想看哪一棟樓的聯絡人？
dir-group-unbound = 這個群組還沒有和社區連結，暫時查不到聯絡人。請社區管理員先把群組綁定好。
dir-open-private = 私訊我，給他們留言
dir-private-only = 這個指令請私訊我使用，免得在群組裡打擾大家。

dir-relay-ask =
    請把想對{ $name }說的話傳給我，我來幫您轉達。
    您的電話和門牌號碼不會告訴對方。
dir-relay-ask-reply = 請把想回覆{ $name }的話傳給我，我來幫您轉達。
dir-relay-cancel-button = 不傳了
dir-relay-cancelled = 好的，這則留言不傳了。
dir-relay-sent = 已經轉達給{ $name }了。對方回覆時，我會馬上告訴您。
dir-relay-text-only = 目前只能轉達文字，請用文字寫下您想說的話。
dir-relay-gone = 抱歉，這位已經不再使用紅管家，訊息沒辦法送到了。
dir-relay-refused-self = 這是您自己喔，不用給自己留言。
dir-relay-refused-gone = 抱歉，這位已經不再使用紅管家，訊息沒辦法送到了。
dir-relay-refused-empty = 留言是空的，請寫下您想說的話。
dir-relay-refused-too-long = 留言有點長，請控制在 { $limit } 字以內，分幾次傳也可以。
dir-relay-incoming =
    📨 { $name } 透過紅管家給您留言：

    { $text }

    想回覆的話，點下方的「回覆」就可以。
dir-relay-reply-button = ↩️ 回覆

dir-scope-ask-q = 這張 QR Code 是給「{ $compound }」整個社區用，還是給某一棟樓用？
dir-scope-ask-a = 這支電話是「{ $compound }」整個社區的，還是某一棟樓的？
dir-scope-whole = 整個社區
dir-page-prev = ◀ 上一頁
dir-page-next = 下一頁 ▶
dir-add-usage =
    請這樣寫：/contactadd 名稱 電話 備註（備註可以不寫）
    例如：/contactadd 派出所 110 24小時值班
dir-add-expired = 時間隔得有點久了，請重新傳送一次 /contactadd。
dir-added = 已新增 #{ $id } { $label }（{ $where }）。住戶傳送 /contacts 就能看到。
dir-del-unknown = 沒有這個編號的電話。傳送 /contactdel 可以查看所有編號。
dir-deleted = 已刪除 #{ $id } { $label }。
dir-del-none = 還沒有新增過常用電話。
dir-del-list = 常用電話（要刪除哪一筆，就傳送 /contactdel 加編號）：
dir-del-item = #{ $id } { $label } { $phone } · { $where }

qr-poster-hint = 用手機相機掃一掃，登記入住，報修、投票、找人都方便
qr-caption =
    「{ $place }」的入住登記 QR Code。
    印出來貼在公佈欄或大門口，住戶用手機掃一掃就能登記。
    連結：{ $link }
