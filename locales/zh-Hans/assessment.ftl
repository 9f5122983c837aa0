## Assessment (物业服务考核)
as-cmd-indicators = 考核指标（本月、某月或某季度）
as-cmd-feerate = 录入物业费收缴率
as-ind-denied = 只有管理员、党支部、社区和业委会可以查看考核指标。
as-fee-denied = 只有管理员和社区可以录入物业费收缴率。
as-fee-usage = 用法：/feerate 收缴率 [月份或季度]，例如 /feerate 93.5 2026-Q4 或 /feerate 95% 11月。收缴率是 0 到 100 之间的数，最多两位小数。
as-period-bad = 看不懂这个时间段。请写月份（2026-11 或 11月）或季度（2026-Q4 或 4季度），不写就是本月。
as-which-compound = 哪个小区？
as-period-month = { $year }年{ $month }月
as-period-quarter = { $year }年第{ $quarter }季度
as-category = · { $category }：{ $count }
as-none = · 暂无
as-fee-set = 已记录“{ $compound }”{ $period }的物业费收缴率：{ $value }%（原为 { $before }）。
as-indicators =
    “{ $compound }”{ $period }考核指标
    工单：{ $tickets }（每百户 { $per100 }，共 { $households } 户）
    按类别：
    { $categories }
    受理用时：中位数 { $accept_median } 小时，90% 在 { $accept_p90 } 小时内
    办结用时：中位数 { $resolve_median } 小时，90% 在 { $resolve_p90 } 小时内
    按时办结：{ $within_sla }%；重开率：{ $reopen }%
    上报到党支部 { $l2 } 次，到社区 { $l3 } 次
    评价：平均 { $mean } 星，4 星及以上 { $four }%（{ $ratings } 条）
    调解成功：{ $mediated } 件
    志愿积分发放：{ $points }
    志愿服务：{ $hours } 小时，值班覆盖 { $coverage }%；投票参与率：{ $turnout }%
    物业费收缴率：{ $fee }%

as-cmd-score = 考核得分（本月、某月或某季度）
as-cmd-scheme = 考核方案（社区可改下季度的权重和标准）
as-score-line = “{ $compound }”{ $period }：{ $score } 分（{ $state }）
as-score-open = 暂定，期末封存
as-score-closed = 已封存
as-score-insufficient = 数据不足，不参与排名
as-scheme-denied = 只有社区可以修改考核方案。
as-scheme-many = 您管理多个社区，请在其中一个社区的账号下修改考核方案。
as-scheme-no-community = 这个小区还没有归属社区，考核方案由社区设定。
as-scheme-usage = 用法：/scheme 指标代码 权重 达标值 最差值，例如 /scheme within_sla 30 100 60。权重 0 到 100；指标代码见 /scheme。
as-scheme-set = 已修改，自{ $period }起生效；本季度和已封存的季度不变。
as-scheme-item = · { $name }（{ $code }）：权重 { $weight }，达标 { $good }，最差 { $bad }
as-scheme =
    { $period }使用的考核方案
    { $items }
    工单少于 { $tickets } 件或评价少于 { $ratings } 条的小区显示“数据不足”，不排名。
as-name-within-sla = 按时办结率（%）
as-name-mean-rating = 平均评价（星）
as-name-resolve-median = 办结用时中位数（小时）
as-name-reopen-rate = 重开率（%）
as-name-per-100 = 每百户工单
as-name-fee-rate = 物业费收缴率（%）

as-why-one = { $a }
as-why-two = { $a }、{ $b }
as-list-item = · { $compound }：{ $score } 分（{ $why }）
as-list =
    { $period }小区物业服务红黑榜
    🔴 红榜
    { $red }
    ⚫ 黑榜
    { $black }
    数据不足、未排名：{ $unranked }
as-score-rank = 　在本社区排第 { $place } 名（共 { $of } 个参与排名）
as-score-gain = 　最能提分的是{ $name }：达标可多 { $points } 分
as-list-chart = { $period }红黑榜：各小区得分（红色为红榜，黑色为黑榜）
as-list-all =
    { $period }全部小区物业服务红黑榜（各社区合并排名）
    🔴 红榜
    { $red }
    ⚫ 黑榜
    { $black }
    数据不足、未排名：{ $unranked }
as-cmd-monthly = 月度报告（本月或某月）：图表和 CSV
as-monthly =
    { $indicators }{ $balances }
    最久未办结的工单：
    { $open }
as-month-open-line = · #{ NUMBER($number, useGrouping: 0) } { $category } · 第 { $level } 级 · 已 { $days } 天
as-month-not-quarter = 月度报告按月份出，请写月份，例如 /monthly 11月 或 /monthly 2026-11。
as-month-chart = “{ $compound }”{ $period }月度报告：本月各类工单，近六个月的办结用时和评价
as-month-chart-categories = 本月各类工单（件）
as-month-chart-hours = 办结用时中位数（小时）
as-month-chart-stars = 平均评价（星）
as-month-csv = “{ $compound }”近六个月的考核指标（CSV，Excel 可以直接打开）
as-month-denied = 只有管理员、党支部、社区和业委会可以查看考核指标。
as-month-balances = { "" }
    公开账目余额：
    { $lines }
as-month-balance = · { $account }：{ $amount } 元
