# 社區設定：新建社區、機器人進出群組、/setup 綁定群組、/team 服務隊
setup-cmd-newcompound = 新建一個社區
setup-cmd-setup = 設定本群組屬於哪個社區、做什麼用
team-cmd-team = 查看和管理服務隊

setup-newcompound-private = 新建社區請私訊我，傳送 /newcompound 社區名稱。
setup-newcompound-denied = 抱歉，只有系統管理員才能新建社區。
setup-newcompound-ask = 請告訴我社區的名稱，例如：幸福里社區
setup-compound-exists = 已經有一個叫「{ $name }」的社區了，請換一個名稱。
setup-compound-bad-name = 社區名稱不能是空白，也不能超過 128 個字。請重新傳送名稱。
setup-compound-created =
    「{ $name }」建好了！您是這個社區的管理員。
    已經為社區建好五支服務隊：維修、保全、清潔、綠化、通訊。
    接下來：
    · 把我加進社區的 Telegram 群組，在群組裡傳送 /setup
    · 傳送 /import 匯入住戶名冊
    · 傳送 /grant 為大家分配角色，/team 管理服務隊

setup-added =
    大家好，我是紅管家！
    請社區管理員在本群組傳送 /setup，告訴我這個群組是哪個社區、哪棟樓或哪個服務隊的群組。
setup-make-admin = 另外，請把我設為本群組的管理員，這樣我才能置頂登記訊息。
setup-stranger-leaving = 您好！我只為已經登記的小區服務，需要由小區管理員把我加進群組。我先退出了，再見。

setup-group-only = /setup 要在需要設定的群組裡傳送。
setup-refused = 抱歉，只有同時是本群組管理員和社區管理員的人才能設定本群組。本群組的設定沒有改變。
setup-not-yours = 這些按鈕是給傳送 /setup 的那位管理員用的。
setup-cancelled = 已取消，本群組的設定沒有改變。
setup-cancel = 取消
setup-back = « 返回
setup-choose-compound = 本群組屬於哪個社區？
setup-choose-purpose = 本群組在「{ $compound }」裡是做什麼用的？
setup-choose-building = 請選擇樓棟（「{ $compound }」，第 { $page }/{ $pages } 頁）：
setup-choose-team = 請選擇服務隊（「{ $compound }」）：
setup-purpose-compound = 全社區的群組
setup-purpose-building = 某棟樓的群組
setup-purpose-team = 服務隊工作群組
setup-purpose-party = 黨支部群組
setup-purpose-committee = 業委會群組
setup-purpose-office = 社區居委會群組
setup-no-buildings = 這個社區還沒有樓棟。請先私訊我傳送 /import 匯入住戶名冊。
setup-no-teams = 這個社區還沒有服務隊。請先私訊我傳送 /team 新增。
setup-bound-compound = 設定好了：本群組是「{ $compound }」的社區群組。
setup-bound-building = 設定好了：本群組是「{ $compound }」{ $building }的樓棟群組。
setup-bound-team = 設定好了：本群組是「{ $compound }」{ $team }的工作群組。
setup-bound-party = 設定好了：本群組是「{ $compound }」的黨支部群組。
setup-bound-committee = 設定好了：本群組是「{ $compound }」的業委會群組。
setup-bound-office = 設定好了：本群組是「{ $compound }」的社區居委會群組。

team-name-repairs = 維修隊
team-name-safety = 保全隊
team-name-cleaning = 清潔隊
team-name-greening = 綠化隊
team-name-telecom = 通訊隊
team-list-title = 「{ $compound }」的服務隊：
team-list-line = · { $name } [{ $code }]{ $rr } — { $members }
team-rr-mark = （輪流派單）
team-no-members = 還沒有隊員
team-usage =
    用法：
    /team add 代號 名稱 — 新增服務隊（代號用英文小寫，如 parking）
    /team rename 服務隊 新名稱 — 改名
    /team rr 服務隊 — 開啟或關閉輪流派單
    /team join 服務隊 @使用者名稱 — 加入隊員（在群組裡也可以回覆他的訊息）
    /team leave 服務隊 @使用者名稱 — 移出隊員
team-add-done = 服務隊 { $code } 建好了。
team-add-exists = 已經有代號或名稱為 { $code } 的服務隊了。
team-add-bad-code = 代號「{ $code }」不行：請用 2 到 32 個英文小寫字母、數字或底線，以字母開頭。
team-add-bad-name = 名稱不能是空白，也不能超過 64 個字。
team-renamed = 改好了：「{ $old }」現在叫「{ $name }」（{ $code }）。
team-rr-on = { $name }已開啟輪流派單。
team-rr-off = { $name }已關閉輪流派單。
team-member-added = { $name } 已加入{ $team }。
team-member-already = { $name } 已經在{ $team }裡了。
team-member-removed = { $name } 已移出{ $team }。
team-member-not = { $name } 不在{ $team }裡。
