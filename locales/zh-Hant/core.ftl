# 基礎：問候、幫助、語言、錯誤
lang-name-zh-Hans = 简体中文
lang-name-zh-Hant = 繁體中文
lang-name-en = English

start-greeting =
    { $name }，您好！我是紅管家，社區裡的事都可以找我。
start-abilities =
    我能幫您：
    · 報修、投訴、提建議，隨時查看辦理進度
    · 參加業主表決和社區投票
    · 報名志願服務、查看積分
    · 接收值班提醒（如護學崗）
    發送 /help 查看全部指令，發送 /lang 切換語言。
help-private-title = 您可以使用這些指令：
help-group-title = 在本群組可以使用：
help-line = /{ $command } — { $description }
help-private-footer = 點輸入框旁的「/」按鈕也能看到常用指令。
help-group-footer = 其他事情請私訊我。
lang-choose = 請選擇語言：
lang-set = 好的，以後我會用{ $language }和您交流。
lang-unknown = 暫不支援這種語言，請從按鈕中選擇。
slow-down-group = { $name }，您發得太快了，請過一分鐘再發。
slow-down = 您操作太快了，請稍等幾秒再試。
error-apology = 抱歉，系統出了點問題，我們會盡快處理。如需回饋，請告知編號：{ $ref }
db-unavailable-kept = 服務暫時無法使用。您發的內容我已經記下，恢復後會馬上處理，不用重發。
db-unavailable-retry = 服務暫時無法使用，請過幾分鐘再試。
unknown-command = 沒有這個指令。發送 /help 查看可用指令。
stale-button = 這個按鈕已失效，請重新操作。

cmd-start = 開始使用紅管家
cmd-help = 我能做什麼
cmd-lang = 切換語言
compound-choose = 請選擇社區：
compound-none-for-action = 您在任何社區都沒有這項權限。如有需要，請聯絡社區管理員。
not-allowed = 抱歉，您沒有這項權限。

## how long until something starts, as reminders say it
left-hour = 一小時後
left-minutes = { $minutes } 分鐘後
