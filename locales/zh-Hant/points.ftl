# 志工服務積分、積分規則、積分兌換與兌換券

pt-cmd-points = 我的積分
pt-cmd-award = 幫住戶加分或扣分
pt-cmd-pointrules = 積分規則和設定
pt-cmd-ledger = 積分公開帳目
rw-cmd-rewards = 積分兌換
rw-cmd-redeem = 核銷兌換券
rw-cmd-addreward = 上架兌換項目
rw-cmd-merchants = 合作商家

## /points
pt-overview = 「{ $compound }」的志工服務積分
    現有積分：{ $balance } 分
    本月獲得：{ $month } 分

    最近紀錄：
    { $history }
pt-open-vouchers = 🎫 您有 { $count } 張未使用的兌換券，傳送 /rewards 查看。
pt-history-empty = 還沒有積分紀錄。參加志工活動就能得積分，傳送 /activities 看看吧。
pt-history-line = { $date } { $amount } { $what }
pt-kind-award = { $memo }
pt-kind-deduct = 扣分：{ $memo }
pt-kind-redeem = 兌換：{ $memo }
pt-kind-settle = 核銷：{ $memo }
pt-kind-reversal = 更正：{ $memo }
pt-kind-refund = 退回：{ $memo }
pt-btn-top = 本月積分榜
pt-btn-hide = 不要在積分榜上顯示我
pt-btn-show = 在積分榜上顯示我
pt-btn-back = 返回
pt-hide-done = 好的，積分榜上不再顯示您。
pt-show-done = 好的，積分榜上會顯示您。
pt-top = 「{ $compound }」本月志工服務積分榜：
    { $lines }

    { $mine }
pt-top-line = 第 { $rank } 名 { $name }：{ $points } 分
pt-top-empty = 本月還沒有人獲得積分。
pt-top-you = 您本月排第 { $rank } 名，繼續加油！
pt-top-you-absent = 您本月還沒有上榜，參加一次活動試試吧。
pt-top-you-hidden = 您選擇了不在積分榜上顯示。
pt-top-off = 本社區沒有開啟積分榜。
pt-no-compound = 您還沒有登記住址，也還沒有積分。請先傳送 /register 登記。
pt-private-only = 積分和兌換是個人的事，請私訊我查看喔。
pt-note-awarded = 您獲得了 { $amount } 積分（{ $reason }），現在共有 { $balance } 分。
pt-note-deducted = 您被扣除了 { $amount } 積分（{ $reason }），現在共有 { $balance } 分。如有疑問請聯絡社區管理員。

## /award
pt-award-usage = 用法：
    /award @使用者名稱 2 幫忙搬運物資 —— 加 2 分並寫明原因
    /award @使用者名稱 扣 2 重複記分更正 —— 扣 2 分（也可以寫 -2）
    /award @使用者名稱 主題日 —— 發放每月固定項目（每人每月一次，代號見 /pointrules）
pt-words-award = 加 / 扣
pt-award-unknown = 看不懂「{ $word }」，沒有記分。@使用者名稱 後面請寫積分數和原因（數字前可以寫 { $sign }，例如：扣 2 重複記分更正），或者每月固定項目的代號：{ $codes }
pt-award-no-monthly = 還沒有（可以用 /pointrules 設置 代號 每月 積分 名稱 新增）
pt-awarded = 已幫 { $name } 加 { $amount } 分，對方現有 { $balance } 分。
pt-deducted = 已扣除 { $name } { $amount } 分，對方現有 { $balance } 分。
pt-award-repeat = 這筆積分已經記過了，沒有重複記。{ $name } 現有 { $balance } 分。
pt-award-again-ask = { $minutes } 分鐘前剛給 { $name } 記過同樣的 { $amount } 分（{ $reason }）。再發一次？
pt-award-again-yes = 再發一次
pt-award-again-no = 不用了
pt-award-again-dropped = 好的，沒有再記。

## /pointrules
pt-rules = 「{ $compound }」的積分規則：
    { $rules }

    缺席 { $noshow } 次後需主辦人確認報名；兌換券有效期 { $days } 天；積分榜：{ $board }
pt-rules-none = 還沒有規則。
pt-rule-line = { $code } · { $name }：{ $basis } { $points } 分
pt-basis-attend = 每次活動
pt-basis-hour = 每小時
pt-basis-month = 每月一次
pt-on = 開啟
pt-off = 關閉
pt-rules-usage = 修改方法（寫中文或英文都可以）：
    /pointrules 設置 護學崗 每次 2 黨員護學崗
    /pointrules 設置 清潔 每小時 1 環境清潔
    /pointrules 設置 主題日 每月 2 黨員主題日
    /pointrules 停用 規則代號
    /pointrules 缺席 3 —— 缺席幾次後報名要主辦人確認
    /pointrules 券有效期 30 —— 兌換券有效天數
    /pointrules 排行榜 開啟 或 關閉
    常用的也可以直接點下面的按鈕。
pt-rules-unknown = 看不懂「{ $word }」，什麼也沒有改。/pointrules 後面可以寫：{ $words }（英文 set、off、noshow、voucherdays、leaderboard 也可以）。
pt-rules-bad-basis = 看不懂計分方式「{ $word }」，什麼也沒有改。計分方式可以寫：{ $words }。
pt-rules-bad-switch = 看不懂「{ $word }」，什麼也沒有改。排行榜後面可以寫：{ $words }。
pt-rules-usage-set = 請這樣寫：/pointrules 設置 代號 計分方式 積分 名稱
    例如：/pointrules 設置 護學崗 每次 2 黨員護學崗（代號可以用中文）
pt-rules-usage-off = 請寫上要停用的規則代號，例如：/pointrules 停用 護學崗
pt-rules-usage-noshow = 請寫一個數字，例如：/pointrules 缺席 3
pt-rules-usage-voucherdays = 請寫天數，例如：/pointrules 券有效期 30
pt-rules-usage-leaderboard = 請寫開啟或關閉，例如：/pointrules 排行榜 開啟
pt-words-pointrules = 設置 / 停用 / 缺席 / 券有效期 / 排行榜
pt-words-basis = 每次 / 每小時 / 每月
pt-words-switch = 開啟 / 關閉
pt-rules-btn-add = ➕ 新增規則
pt-rules-btn-stop = ⏸ 停用規則
pt-rules-btn-board-on = 開啟積分榜
pt-rules-btn-board-off = 關閉積分榜
pt-rules-btn-noshow = 缺席次數上限
pt-rules-btn-days = 兌換券有效期
pt-rw-ask-name = 新增一條積分規則。請傳送規則名稱，例如：黨員護學崗
    名稱也用作規則代號（發放積分和選活動類別時用）。隨時傳送 /cancel 可以放棄。
    想用簡短的代號，可以一句話傳送：/pointrules 設置 護學崗 每次 2 黨員護學崗
pt-rw-ask-basis = 「{ $name }」怎麼計分？
pt-rw-ask-points-attend = 參加一次活動得多少分？點一個數字，或者直接傳送（1 到 1000）。
pt-rw-ask-points-hour = 每小時得多少分？點一個數字，或者直接傳送（1 到 1000）。
pt-rw-ask-points-month = 每人每月發多少分？點一個數字，或者直接傳送（1 到 1000）。
pt-rw-dropped = 好的，沒有新增規則。
pt-rules-stop-item = { $name }（{ $code }）
pt-rules-pick-stop = 要停用哪條規則？已經發出的積分不受影響。
pt-rules-pick-noshow = 缺席幾次以後，報名要主辦人確認？
pt-rules-pick-voucherdays = 兌換券有效多少天？

## /ledger
pt-ledger = 「{ $compound }」積分公開帳目：
    累計發出（扣除收回）：{ $issued } 分
    住戶手中：{ $wallets } 分
    未使用的兌換券：{ $vouchers } 分
    合作商家已核銷：{ $merchants } 分
    { $check }
pt-ledger-ok = ✅ 帳目核對無誤：每筆紀錄收支相抵，餘額與明細一致。
pt-ledger-problems = ⚠️ 發現 { $count } 處帳目不一致，請聯絡技術人員。

## /rewards
rw-catalogue = 「{ $compound }」積分兌換（您現有 { $balance } 分），點一下查看：
rw-catalogue-empty = 「{ $compound }」還沒有上架兌換項目（您現有 { $balance } 分）。
rw-item = { $title } · { $cost } 分
rw-btn-mine = 我的兌換券
rw-btn-back = 返回
rw-btn-buy = 用 { $cost } 分兌換
rw-stock-any = 不限量
rw-stock = 還剩 { $count } 份
rw-where-office = 物業服務中心
rw-detail = { $title }
    需要：{ $cost } 分
    數量：{ $stock }
    兌換地點：{ $where }
    您現有：{ $balance } 分
rw-redeemed = 兌換成功！您現在還有 { $balance } 分。兌換券在下面，使用時出示給商家或物業就好。
rw-already = 這次兌換已經辦好了，兌換券在下面的訊息裡。
rw-voucher = 🎫 兌換券：{ $title }（{ $cost } 分）
    券號：{ $code }
    有效期限：{ $expires }
    請出示 QR Code 或券號，由商家或物業核銷。每張券只能用一次，過期未用會自動退回積分。
rw-mine = 您未使用的兌換券，點一下重新顯示 QR Code：
rw-mine-empty = 您沒有未使用的兌換券。
rw-mine-item = { $title }（有效期限 { $expires }）

## 核銷（/redeem）
rw-redeem-usage = 請在 /redeem 後面寫上券號，例如：/redeem ABCDE-FGH23。也可以直接掃兌換券上的 QR Code。
rw-confirm-ask = 請核對兌換券：
    項目：{ $title }（{ $cost } 分）
    持券人：{ $holder }
    券號：{ $code }
    有效期限：{ $expires }
    確認提供服務後，請點「確認核銷」。
rw-btn-confirm = 確認核銷
rw-confirmed = ✅ 已核銷：{ $title }（持券人 { $holder }，券號 { $code }）。
rw-note-used = 您的兌換券「{ $title }」（{ $code }）已經使用，謝謝！
rw-note-expired = 您的兌換券「{ $title }」已過期，{ $points } 積分已退回您的帳戶。

## 管理：上架和商家
rw-add-usage = 用法：/addreward 積分 數量 [#商家編號] 名稱
    例如：/addreward 20 10 停車券一張
    數量不限寫 -，例如：/addreward 50 - 管理費減免 5 元
    下架：/addreward off 項目編號
rw-added = 已上架：{ $title }，{ $cost } 分，{ $stock }。
rw-withdrawn = 已下架：{ $title }。已發出的兌換券仍然有效。
rw-merchants = 「{ $compound }」的合作商家：
    { $lines }
rw-merchants-none = 還沒有合作商家。
rw-merchant-line = #{ $id } { $name }（核銷人：{ $contact }）
rw-merchants-usage = 新增商家：/merchants add 商家名稱 @核銷人使用者名稱

## 不能辦理的原因
rw-err-merchant-name = 商家名稱需要填寫，且不超過 64 個字。
rw-err-merchant-exists = 已經有同名的商家了。
rw-err-title = 兌換項目名稱需要填寫，且不超過 60 個字。
rw-err-cost = 所需積分要在 1 到 100000 之間。
rw-err-stock = 數量要在 0 到 100000 之間。
rw-err-no-merchant = 沒有這個商家編號，傳送 /merchants 查看。
rw-err-no-reward = 這個兌換項目已經下架了。
rw-err-not-allowed = 抱歉，您沒有這項權限。
rw-err-sold-out = 這個項目已經兌換完了，下次早點來喔。
rw-err-not-enough = 積分不夠：需要 { $cost } 分，您現有 { $balance } 分。多參加志工活動就能存夠囉。
rw-err-no-voucher = 沒有這個券號，請核對後再試。
rw-err-own-voucher = 這是您自己的兌換券。請把 QR Code 或券號出示給商家或物業，由他們核銷。
rw-err-not-yours = 您不能核銷這張兌換券。只有對應的商家或物業工作人員可以核銷。
rw-err-used = 這張兌換券已經用過了，不能重複使用。
rw-err-expired = 這張兌換券已經過期了，積分已退回持券人。
