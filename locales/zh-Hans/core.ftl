# 基础：问候、帮助、语言、错误
lang-name-zh-Hans = 简体中文
lang-name-zh-Hant = 繁體中文
lang-name-en = English

start-greeting =
    { $name }，您好！我是红管家，小区里的事都可以找我。
start-abilities =
    我能帮您：
    · 报修、投诉、提建议，随时查看办理进度
    · 参加业主表决和小区投票
    · 报名志愿服务、查看积分
    · 接收值班提醒（如护学岗）
    发送 /help 查看全部命令，发送 /lang 切换语言。
help-private-title = 您可以使用这些命令：
help-group-title = 在本群可以使用：
help-line = /{ $command } — { $description }
help-private-footer = 点输入框旁的“/”按钮也能看到常用命令。
help-group-footer = 其他事情请私聊我。
lang-choose = 请选择语言：
lang-set = 好的，以后我会用{ $language }和您交流。
lang-unknown = 暂不支持这种语言，请从按钮中选择。
slow-down-group = { $name }，您发得太快了，请过一分钟再发。
slow-down = 您操作太快了，请稍等几秒再试。
error-apology = 抱歉，系统出了点问题，我们会尽快处理。如需反馈，请告知编号：{ $ref }
db-unavailable-kept = 服务暂时不可用。您发的内容我已经记下，恢复后会马上处理，不用重发。
db-unavailable-retry = 服务暂时不可用，请过几分钟再试。
unknown-command = 没有这个命令。发送 /help 查看可用命令。
stale-button = 这个按钮已失效，请重新操作。

cmd-start = 开始使用红管家
cmd-help = 我能做什么
cmd-lang = 切换语言
compound-choose = 请选择小区：
compound-none-for-action = 您在任何小区都没有这项权限。如有需要，请联系小区管理员。
not-allowed = 抱歉，您没有这项权限。

## how long until something starts, as reminders say it
left-hour = 一小时后
left-minutes = { $minutes } 分钟后
