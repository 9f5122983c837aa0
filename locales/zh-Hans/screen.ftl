## Lobby screen (电子大屏)
sc-cmd-screen = 大屏：小区大厅电子屏的地址
sc-denied = 只有小区管理员可以管理大屏地址。
sc-which-compound = 哪个小区的大屏？
sc-url =
    “{ $compound }”的大屏地址：
    { $url }
    在大厅电视或显示器的浏览器里打开，全屏显示即可，内容每几秒自动更新。地址请勿外传；不小心传出去了，就点“换一个地址”，旧地址马上失效。
sc-no-url = 这个机器人的网页服务没有公开地址（需要设置 WEBHOOK_URL，或 WEB_ENABLED 并指定 WEB_HOST）。大屏的路径是：{ $path }
sc-btn-rotate = 换一个地址
sc-rotated = 已换新地址，旧地址已失效。
sc-title = { $compound } · 电子大屏
sc-open = 待办工单
sc-by-category = 按类别
sc-by-age = 按时长
sc-age-day = 不到1天
sc-age-days3 = 1–3天
sc-age-older = 超过3天
sc-month = 本月服务
sc-accept = 受理用时（中位数）
sc-resolve = 办结用时（中位数）
sc-rating = 平均评分
sc-hours = { $hours } 小时
sc-stars = { $rating } / 5
sc-none = —
sc-votes = 进行中的投票（参与情况）
sc-turnout = { $voted } / { $eligible }
sc-turnout-open = { $voted } 票
sc-duty = 今日值守
sc-duty-when = { $roster } { $start }–{ $end }
sc-nobody = 暂无人
sc-activities = 近期活动
sc-activity-when = { $title } · { $start }
sc-left = 余 { $left } 位
sc-empty = 暂无
sc-updated = 更新于 { $time }
sc-offline = 连接中断，正在重试…
