## Lobby screen (電子大屏)
sc-cmd-screen = 大屏：社區大廳電子屏的地址
sc-denied = 只有社區管理員可以管理大屏地址。
sc-which-compound = 哪個社區的大屏？
sc-url =
    「{ $compound }」的大屏地址：
    { $url }
    在大廳電視或顯示器的瀏覽器裡打開，全螢幕顯示即可，內容每幾秒自動更新。地址請勿外傳；不小心傳出去了，就點「換一個地址」，舊地址馬上失效。
sc-no-url = 這個機器人的網頁服務沒有公開地址（需要設定 WEBHOOK_URL，或 WEB_ENABLED 並指定 WEB_HOST）。大屏的路徑是：{ $path }
sc-btn-rotate = 換一個地址
sc-rotated = 已換新地址，舊地址已失效。
sc-title = { $compound } · 電子大屏
sc-open = 待辦工單
sc-by-category = 按類別
sc-by-age = 按時長
sc-age-day = 不到1天
sc-age-days3 = 1–3天
sc-age-older = 超過3天
sc-month = 本月服務
sc-accept = 受理用時（中位數）
sc-resolve = 辦結用時（中位數）
sc-rating = 平均評分
sc-hours = { $hours } 小時
sc-stars = { $rating } / 5
sc-none = —
sc-votes = 進行中的投票（參與情況）
sc-turnout = { $voted } / { $eligible }
sc-turnout-open = { $voted } 票
sc-duty = 今日值守
sc-duty-when = { $roster } { $start }–{ $end }
sc-nobody = 暫無人
sc-activities = 近期活動
sc-activity-when = { $title } · { $start }
sc-left = 餘 { $left } 位
sc-empty = 暫無
sc-updated = 更新於 { $time }
sc-offline = 連線中斷，正在重試…
