## Assessment (物業服務考核)
as-cmd-indicators = 考核指標（本月、某月或某季度）
as-cmd-feerate = 錄入物業費收繳率
as-ind-denied = 只有管理員、黨支部、社區和業委會可以查看考核指標。
as-fee-denied = 只有管理員和社區可以錄入物業費收繳率。
as-fee-usage = 用法：/feerate 收繳率 [月份或季度]，例如 /feerate 93.5 2026-Q4 或 /feerate 95% 11月。收繳率是 0 到 100 之間的數，最多兩位小數。
as-period-bad = 看不懂這個時間段。請寫月份（2026-11 或 11月）或季度（2026-Q4 或 4季度），不寫就是本月。
as-which-compound = 哪個小區？
as-period-month = { $year }年{ $month }月
as-period-quarter = { $year }年第{ $quarter }季度
as-category = · { $category }：{ $count }
as-none = · 暫無
as-fee-set = 已記錄「{ $compound }」{ $period }的物業費收繳率：{ $value }%（原為 { $before }）。
as-indicators =
    「{ $compound }」{ $period }考核指標
    工單：{ $tickets }（每百戶 { $per100 }，共 { $households } 戶）
    按類別：
    { $categories }
    受理用時：中位數 { $accept_median } 小時，90% 在 { $accept_p90 } 小時內
    辦結用時：中位數 { $resolve_median } 小時，90% 在 { $resolve_p90 } 小時內
    按時辦結：{ $within_sla }%；重開率：{ $reopen }%
    上報到黨支部 { $l2 } 次，到社區 { $l3 } 次
    評價：平均 { $mean } 星，4 星及以上 { $four }%（{ $ratings } 條）
    調解成功：{ $mediated } 件
    志願積分發放：{ $points }
    志願服務：{ $hours } 小時，值班覆蓋 { $coverage }%；投票參與率：{ $turnout }%
    物業費收繳率：{ $fee }%

as-cmd-score = 考核得分（本月、某月或某季度）
as-cmd-scheme = 考核方案（社區可改下季度的權重和標準）
as-score-line = 「{ $compound }」{ $period }：{ $score } 分（{ $state }）
as-score-open = 暫定，期末封存
as-score-closed = 已封存
as-score-insufficient = 數據不足，不參與排名
as-scheme-denied = 只有社區可以修改考核方案。
as-scheme-many = 您管理多個社區，請在其中一個社區的賬號下修改考核方案。
as-scheme-no-community = 這個小區還沒有歸屬社區，考核方案由社區設定。
as-scheme-usage = 用法：/scheme 指標代碼 權重 達標值 最差值，例如 /scheme within_sla 30 100 60。權重 0 到 100；指標代碼見 /scheme。
as-scheme-set = 已修改，自{ $period }起生效；本季度和已封存的季度不變。
as-scheme-item = · { $name }（{ $code }）：權重 { $weight }，達標 { $good }，最差 { $bad }
as-scheme =
    { $period }使用的考核方案
    { $items }
    工單少於 { $tickets } 件或評價少於 { $ratings } 條的小區顯示「數據不足」，不排名。
as-name-within-sla = 按時辦結率（%）
as-name-mean-rating = 平均評價（星）
as-name-resolve-median = 辦結用時中位數（小時）
as-name-reopen-rate = 重開率（%）
as-name-per-100 = 每百戶工單
as-name-fee-rate = 物業費收繳率（%）

as-why-one = { $a }
as-why-two = { $a }、{ $b }
as-list-item = · { $compound }：{ $score } 分（{ $why }）
as-list =
    { $period }小區物業服務紅黑榜
    🔴 紅榜
    { $red }
    ⚫ 黑榜
    { $black }
    數據不足、未排名：{ $unranked }
as-score-rank = 　在本社區排第 { $place } 名（共 { $of } 個參與排名）
as-score-gain = 　最能提分的是{ $name }：達標可多 { $points } 分
as-list-chart = { $period }紅黑榜：各小區得分（紅色為紅榜，黑色為黑榜）
as-list-all =
    { $period }全部小區物業服務紅黑榜（各社區合併排名）
    🔴 紅榜
    { $red }
    ⚫ 黑榜
    { $black }
    資料不足、未排名：{ $unranked }
as-cmd-monthly = 月度報告（本月或某月）：圖表和 CSV
as-monthly =
    { $indicators }{ $balances }
    最久未辦結的工單：
    { $open }
as-month-open-line = · #{ NUMBER($number, useGrouping: 0) } { $category } · 第 { $level } 級 · 已 { $days } 天
as-month-not-quarter = 月度報告按月份出，請寫月份，例如 /monthly 11月 或 /monthly 2026-11。
as-month-chart = 「{ $compound }」{ $period }月度報告：本月各類工單，近六個月的辦結用時和評價
as-month-chart-categories = 本月各類工單（件）
as-month-chart-hours = 辦結用時中位數（小時）
as-month-chart-stars = 平均評價（星）
as-month-csv = 「{ $compound }」近六個月的考核指標（CSV，Excel 可以直接開啟）
as-month-denied = 只有管理員、黨支部、社區和業委會可以查看考核指標。
as-month-balances = { "" }
    公開帳目餘額：
    { $lines }
as-month-balance = · { $account }：{ $amount } 元
