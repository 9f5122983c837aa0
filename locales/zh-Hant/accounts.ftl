# 明白賬：金額與記賬的拒絕理由

acct-money-malformed = 看不懂這個金額：「{ $text }」。請寫成 1280.50、1,280.50 或 1280.5元。
acct-money-negative = 金額不能是負數。支出請選擇「支出」，金額寫正數。
acct-money-decimals = 金額最多兩位小數（精確到分）。
acct-money-zero = 金額不能為零。
acct-money-ceiling = 金額超過了本社區設定的上限 { $ceiling } 元，請檢查是否多寫了位數。
acct-err-insufficient = 餘額不足：帳戶現有 { $balance } 元，這筆需要 { $needed } 元。什麼都沒有記錄。
acct-err-over-approval = 超出批准金額：批准 { $approved } 元，尚餘 { $left } 元，這筆需要 { $needed } 元。
acct-err-too-long = 文字太長了，最多 { $limit } 個字。
acct-err-empty = 這一項不能為空。
acct-err-attachments = 附件最多 { $limit } 個。
acct-err-gone = 這筆帳目不存在。
acct-err-own-entry = 記賬人不能確認自己記的賬，需要另一位業委會成員或社區幹部確認。
acct-err-reviewed = 這筆帳目已經審核過了。
acct-err-reverse-reversal = 沖正記錄不能再沖正；如有錯誤，請另記一筆更正。
acct-err-reverse-unconfirmed = 只有已確認公開的帳目才能沖正；未確認的請直接駁回。
acct-err-reversal-rejected = 這筆帳目的沖正已被駁回，不能再次沖正；請另記一筆更正。
acct-err-needs-decision = 維修資金的支出必須引用業主大會通過的表決（維修資金使用事項）或應急/小額維修程序的批准。什麼都沒有記錄。
acct-err-basis-mismatch = 引用的批准不屬於本社區的這個帳戶。
acct-err-basis-income = 收入不需要引用批准。
acct-err-not-finance = 只有物業財務可以記帳或沖正，什麼都沒有改變。
acct-err-not-reviewer = 只有業委會成員或社區幹部可以確認或駁回帳目，什麼都沒有改變。
acct-err-category = 類別名稱不能為空，最多 { $limit } 個字。
acct-bad-date = 看不懂這個日期，請寫成 2026-03-01 或 3月1日。
acct-bad-date-future = 日期不能晚於今天：款項發生後再記帳。

# 命令
acct-cmd-accounts = 明白帳：社區帳目與公開餘額
acct-cmd-newentry = 記一筆帳（物業財務）
acct-cmd-reverse = 沖正一筆已公開的帳目（物業財務）

# 帳戶、方向、類別
acct-kind-maintenance = 專項維修資金
acct-kind-small_repair = 小額維修金
acct-kind-public_revenue = 公共收益
acct-kind-property = 物業服務
acct-dir-in = 收入
acct-dir-out = 支出
acct-cat-deposit = 繳存
acct-cat-interest = 利息
acct-cat-repair = 維修
acct-cat-other = 其他
acct-cat-allocation = 撥入
acct-cat-parking = 停車
acct-cat-advertising = 廣告
acct-cat-venue = 場地租金
acct-cat-fee = 物業費
acct-cat-wages = 人工
acct-cat-cleaning = 保潔
acct-cat-greening = 綠化
acct-cat-security = 秩序維護
acct-cat-utilities = 公共能耗
acct-none = 無

# 帳目卡片
acct-card =
    #{ $id } { $kind } · { $dir } { $amount } 元
    類別：{ $category }
    對方：{ $party }
    用途：{ $purpose }
    日期：{ $date } · 附件 { $files } 個
acct-card-reversal = ↩️ 沖正 #{ $original }，原因：{ $reason }
acct-card-basis = 依據：批准 #{ $id } { $reason }
acct-card-basis-short = 依據：批准 #{ $id }
acct-review-card =
    🧾 待確認的帳目 · { $compound }
    { $card }
    記帳：{ $recorder }
    請核對憑證後確認或駁回；確認後將公開到社區群組。
acct-public =
    📢 明白帳公開 · { $compound }
    { $card }
    確認：{ $reviewer }
    { $kind }公開餘額：{ $balance } 元
acct-entry-view =
    { $card }
    記帳：{ $recorder }
    { $state }
acct-state-pending = ⏳ 等待業委會或社區幹部確認
acct-review-done = { $decision }（{ $reviewer }）
acct-decision-confirmed = ✅ 已確認公開
acct-decision-rejected = ❌ 已駁回
acct-notice-decided = 您記的帳目 #{ $id }：{ $decision }（{ $reviewer }）。
acct-confirmed-ok = 已確認 #{ $id }，將公開到社區群組。
acct-rejected-ok = 已駁回 #{ $id }，餘額已恢復。
acct-files-none = 這筆帳目沒有附件。

# 按鈕
acct-btn-confirm = ✅ 確認
acct-btn-reject = ❌ 駁回
acct-btn-files = 📎 憑證
acct-btn-reverse = ↩️ 沖正 #{ $id }
acct-btn-pending = ⏳ #{ $id }
acct-btn-entry = #{ $id }
acct-btn-new = ✏️ 記一筆
acct-btn-cancel = 取消
acct-btn-skip = 跳過
acct-btn-done = 完成
acct-btn-today = 今天
acct-btn-submit = ✅ 提交
acct-btn-newcat = ➕ 新類別
acct-btn-basis = 批准 #{ $id }（尚餘 { $left } 元）

# 明白帳總覽
acct-overview =
    📒 { $compound } · 明白帳
    { $balances }
    最近公開的帳目：
    { $entries }
acct-balance-line = { $kind }：{ $balance } 元
acct-entry-line = #{ $id } { $date } { $kind } { $amount } 元 · { $category } · { $purpose }
acct-overview-none = （還沒有公開的帳目）
acct-overview-pending =
    待確認（{ $count } 筆）：
    { $entries }
acct-no-compound = 您還沒有登記在任何社區，先用 /register 登記住址，就能查看社區的明白帳。
acct-group-unbound = 這個群組還沒有綁定社區，管理員可以用 /setup 綁定。

# 記帳對話
acct-ask-kind = ✏️ 記一筆帳 · { $compound }。記到哪個帳戶？
acct-ask-dir = 收入還是支出？
acct-ask-amount = 金額是多少？可以寫 1280.50、1,280.50、1280.5元 或 ¥1280。
acct-ask-category = 屬於哪個類別？
acct-ask-newcat = 請輸入新類別的名稱（最多 32 個字），以後記帳時可以直接選。
acct-ask-party = 對方是誰（單位或個人）？沒有就按「跳過」。
acct-ask-purpose = 用途或說明是什麼？
acct-ask-basis =
    維修資金的支出必須引用業主大會通過的表決或緊急/小額維修程序的批准。請選擇依據：
    { $approvals }
acct-basis-line = 批准 #{ $id }：{ $reason }（批准 { $amount } 元，尚餘 { $left } 元）
acct-basis-none = （沒有可用的批准）
acct-ask-files = 請傳送收據照片或 PDF（可以傳多個），傳完按「完成」；沒有憑證也按「完成」。
acct-file-added = 已收到附件 { $count } 個。繼續傳送，或按「完成」。
acct-ask-date = 發生日期？按「今天」，或輸入日期，例如 2026-03-01 或 3月1日。
acct-preview =
    請核對：
    { $card }
    提交後發給業委會和社區幹部確認，確認後才公開。
acct-recorded = 已記錄 #{ $id }，等待業委會或社區幹部確認。
acct-recorded-nobody = 已記錄 #{ $id }，但本社區還沒有業委會成員或社區幹部能確認它。請管理員用 /grant 授予角色。
acct-cancelled = 已取消，什麼都沒有記錄。
acct-use-buttons = 請按上面的按鈕選擇，或傳送 /cancel 取消。

# 沖正
acct-reverse-usage = 用法：/reverse 帳目編號 原因，例如 /reverse 12 金額記錯了。也可以直接寫「沖正 12 金額記錯了」。
acct-ask-reverse-reason = 沖正 #{ $id }：請寫明原因。
acct-reversal-recorded = 已記錄沖正 #{ $id }（沖正 #{ $original }），等待業委會或社區幹部確認。
acct-file-caption = 憑證 · 帳目 #{ $id }
acct-cmd-fundapproval = 登記業主大會批准的維修資金使用金額
acct-appr-usage = 用法：/fundapproval 表決編號 批准金額，例如 /fundapproval 3 120,000（表決須是業主大會就「使用維修資金」事項表決並已通過）；緊急維修：/fundapproval 應急 8,000 原因；小額維修金：/fundapproval 小額 800 原因。
acct-appr-done = 已登記批准 #{ $id }：表決 #{ $poll } 批准使用維修資金 { $amount } 元。記帳時可以引用它。
acct-appr-no-poll = 找不到表決 #{ $id }。
acct-appr-not-passed = 表決 #{ $id } 不是已經通過的業主大會「使用維修資金」表決，不能作為支出依據。
acct-appr-poll-used = 表決 #{ $id } 已經登記為批准 #{ $approval }，不能重複登記。
acct-appr-public =
    📢 維修資金使用批准 · { $compound }
    批准 #{ $id }：業主大會表決 #{ $poll }「{ $question }」已通過，批准金額 { $amount } 元。
acct-err-not-approver = 只有業委會成員或社區幹部可以登記維修資金的批准，什麼都沒有改變。
acct-err-not-proposer = 只有業委會成員可以提出緊急或小額維修的用款申請，什麼都沒有改變。
acct-err-own-proposal = 提出申請的人不能自己批准，需要社區幹部批准。
acct-err-not-office = 只有社區幹部可以批准或不批准緊急維修的用款申請，什麼都沒有改變。
acct-em-gone = 這份用款申請不存在。
acct-em-decided = 這份用款申請已經處理過了。
acct-em-card =
    🚨 緊急/小額維修用款申請 #{ $id } · { $compound }
    { $kind }：{ $amount } 元
    原因：{ $reason }
    申請：{ $proposer }（業委會）
    批准後，物業財務記帳時可以引用這份批准。
acct-btn-approve = ✅ 批准
acct-btn-refuse = ❌ 不批准
acct-em-approved = ✅ 已批准，批准 #{ $approval }
acct-em-refused = ❌ 未批准
acct-em-decided-notice = 您的用款申請 #{ $id }：{ $outcome }（{ $officer }）。
acct-em-proposed = 已提交用款申請 #{ $id }，等待社區幹部批准。
acct-review-closed =
    🧾 帳目 · { $compound }
    { $card }
    記帳：{ $recorder }
    { $state }
acct-btn-details = 🔍 詳情與憑證
acct-cmd-category = 查看或新增帳目類別（如 充電樁）
acct-category-added = 已在「{ $kind }」下新增類別「{ $name }」，記帳時可以直接選。
acct-category-line = { $kind }：{ $names }
acct-categories =
    { $compound } 的帳目類別：
    { $lines }
    新增：/category 帳戶 名稱，例如 /category 公共收益 充電樁。
acct-cmd-ceiling = 查看或設定單筆金額上限（管理員）
acct-ceiling-now = { $compound } 的單筆金額上限：{ $ceiling } 元。設定：/ceiling 500,000。
acct-ceiling-set = { $compound } 的單筆金額上限已從 { $before } 元改為 { $ceiling } 元。
acct-vote-spent = 依據本次表決（批准 #{ $approval }，批准金額 { $approved } 元）的支出已公開：#{ $id } { $amount } 元，{ $purpose }
acct-statement =
    📒 明白帳 · { $compound } · { $kind } · { $period }
    期初餘額：{ $opening } 元
    收入 { $income_total } 元：
    { $income }
    支出 { $spending_total } 元：
    { $spending }
    期末餘額：{ $closing } 元
    最大的幾筆：
    { $largest }
    這份帳單發出後不會修改；之後的更正會出現在下一期。
acct-stmt-line = · { $category }：{ $amount } 元
acct-stmt-entry = · #{ $id } { $date } { $sign }{ $amount } 元 { $purpose }
acct-stmt-year = { $year }年
acct-stmt-chart = { $kind } · { $period }：按類別的收入與支出，近十二個月的餘額
acct-stmt-chart-in = 收入
acct-stmt-chart-out = 支出
acct-stmt-chart-by-category = 本期按類別的收入與支出（元）
acct-stmt-chart-balance = 近十二個月的月底餘額（元）
acct-cmd-csv = 匯出全部帳目（CSV，Excel 可開啟；加 gbk 給舊版 Excel）
acct-csv-caption = 「{ $compound }」全部帳目（{ $encoding }），含待確認和已駁回的紀錄。
