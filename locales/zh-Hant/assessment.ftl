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
