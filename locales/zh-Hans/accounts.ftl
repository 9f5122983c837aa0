# 明白账：金额与记账的拒绝理由

acct-money-malformed = 看不懂这个金额：“{ $text }”。请写成 1280.50、1,280.50 或 1280.5元。
acct-money-negative = 金额不能是负数。支出请选择“支出”，金额写正数。
acct-money-decimals = 金额最多两位小数（精确到分）。
acct-money-zero = 金额不能为零。
acct-money-ceiling = 金额超过了本小区设定的上限 { $ceiling } 元，请检查是否多写了位数。
acct-err-insufficient = 余额不足：账户现有 { $balance } 元，这笔需要 { $needed } 元。什么都没有记录。
acct-err-over-approval = 超出批准金额：批准 { $approved } 元，尚余 { $left } 元，这笔需要 { $needed } 元。
acct-err-too-long = 文字太长了，最多 { $limit } 个字。
acct-err-empty = 这一项不能为空。
acct-err-attachments = 附件最多 { $limit } 个。
acct-err-gone = 这笔账目不存在。
acct-err-own-entry = 记账人不能确认自己记的账，需要另一位业委会成员或社区干部确认。
acct-err-reviewed = 这笔账目已经审核过了。
acct-err-reverse-reversal = 冲正记录不能再冲正；如有错误，请另记一笔更正。
acct-err-reverse-unconfirmed = 只有已确认公开的账目才能冲正；未确认的请直接驳回。
acct-err-reversal-rejected = 这笔账目的冲正已被驳回，不能再次冲正；请另记一笔更正。
acct-err-needs-decision = 维修资金的支出必须引用业主大会通过的表决（维修资金使用事项）或应急/小额维修程序的批准。什么都没有记录。
acct-err-basis-mismatch = 引用的批准不属于本小区的这个账户。
acct-err-basis-income = 收入不需要引用批准。
acct-err-not-finance = 只有物业财务可以记账或冲正，什么都没有改变。
acct-err-not-reviewer = 只有业委会成员或社区干部可以确认或驳回账目，什么都没有改变。
acct-err-category = 类别名称不能为空，最多 { $limit } 个字。
acct-bad-date = 看不懂这个日期，请写成 2026-03-01 或 3月1日。
acct-bad-date-future = 日期不能晚于今天：钱款发生后再记账。

# 命令
acct-cmd-accounts = 明白账：小区账目与公开余额
acct-cmd-newentry = 记一笔账（物业财务）
acct-cmd-reverse = 冲正一笔已公开的账目（物业财务）

# 账户、方向、类别
acct-kind-maintenance = 专项维修资金
acct-kind-small_repair = 小额维修金
acct-kind-public_revenue = 公共收益
acct-kind-property = 物业服务
acct-dir-in = 收入
acct-dir-out = 支出
acct-cat-deposit = 缴存
acct-cat-interest = 利息
acct-cat-repair = 维修
acct-cat-other = 其他
acct-cat-allocation = 拨入
acct-cat-parking = 停车
acct-cat-advertising = 广告
acct-cat-venue = 场地租金
acct-cat-fee = 物业费
acct-cat-wages = 人工
acct-cat-cleaning = 保洁
acct-cat-greening = 绿化
acct-cat-security = 秩序维护
acct-cat-utilities = 公共能耗
acct-none = 无

# 账目卡片
acct-card =
    #{ $id } { $kind } · { $dir } { $amount } 元
    类别：{ $category }
    对方：{ $party }
    用途：{ $purpose }
    日期：{ $date } · 附件 { $files } 个
acct-card-reversal = ↩️ 冲正 #{ $original }，原因：{ $reason }
acct-card-basis = 依据：批准 #{ $id } { $reason }
acct-card-basis-short = 依据：批准 #{ $id }
acct-review-card =
    🧾 待确认的账目 · { $compound }
    { $card }
    记账：{ $recorder }
    请核对凭证后确认或驳回；确认后将公开到小区群。
acct-public =
    📢 明白账公开 · { $compound }
    { $card }
    确认：{ $reviewer }
    { $kind }公开余额：{ $balance } 元
acct-entry-view =
    { $card }
    记账：{ $recorder }
    { $state }
acct-state-pending = ⏳ 等待业委会或社区干部确认
acct-review-done = { $decision }（{ $reviewer }）
acct-decision-confirmed = ✅ 已确认公开
acct-decision-rejected = ❌ 已驳回
acct-notice-decided = 您记的账目 #{ $id }：{ $decision }（{ $reviewer }）。
acct-confirmed-ok = 已确认 #{ $id }，将公开到小区群。
acct-rejected-ok = 已驳回 #{ $id }，余额已恢复。
acct-files-none = 这笔账目没有附件。

# 按钮
acct-btn-confirm = ✅ 确认
acct-btn-reject = ❌ 驳回
acct-btn-files = 📎 凭证
acct-btn-reverse = ↩️ 冲正 #{ $id }
acct-btn-pending = ⏳ #{ $id }
acct-btn-entry = #{ $id }
acct-btn-new = ✏️ 记一笔
acct-btn-cancel = 取消
acct-btn-skip = 跳过
acct-btn-done = 完成
acct-btn-today = 今天
acct-btn-submit = ✅ 提交
acct-btn-newcat = ➕ 新类别
acct-btn-basis = 批准 #{ $id }（尚余 { $left } 元）

# 明白账总览
acct-overview =
    📒 { $compound } · 明白账
    { $balances }
    最近公开的账目：
    { $entries }
acct-balance-line = { $kind }：{ $balance } 元
acct-entry-line = #{ $id } { $date } { $kind } { $amount } 元 · { $category } · { $purpose }
acct-overview-none = （还没有公开的账目）
acct-overview-pending =
    待确认（{ $count } 笔）：
    { $entries }
acct-no-compound = 您还没有登记在任何小区，先用 /register 登记住址，就能查看小区的明白账。
acct-group-unbound = 这个群还没有绑定小区，管理员可以用 /setup 绑定。

# 记账对话
acct-ask-kind = ✏️ 记一笔账 · { $compound }。记到哪个账户？
acct-ask-dir = 收入还是支出？
acct-ask-amount = 金额是多少？可以写 1280.50、1,280.50、1280.5元 或 ¥1280。
acct-ask-category = 属于哪个类别？
acct-ask-newcat = 请输入新类别的名称（最多 32 个字），以后记账时可以直接选。
acct-ask-party = 对方是谁（单位或个人）？没有就按“跳过”。
acct-ask-purpose = 用途或说明是什么？
acct-ask-basis =
    维修资金的支出必须引用业主大会通过的表决或应急/小额维修程序的批准。请选择依据：
    { $approvals }
acct-basis-line = 批准 #{ $id }：{ $reason }（批准 { $amount } 元，尚余 { $left } 元）
acct-basis-none = （没有可用的批准）
acct-ask-files = 请发送收据照片或 PDF（可以发多个），发完按“完成”；没有凭证也按“完成”。
acct-file-added = 已收到附件 { $count } 个。继续发送，或按“完成”。
acct-ask-date = 发生日期？按“今天”，或输入日期，例如 2026-03-01 或 3月1日。
acct-preview =
    请核对：
    { $card }
    提交后发给业委会和社区干部确认，确认后才公开。
acct-recorded = 已记录 #{ $id }，等待业委会或社区干部确认。
acct-recorded-nobody = 已记录 #{ $id }，但本小区还没有业委会成员或社区干部能确认它。请管理员用 /grant 授予角色。
acct-cancelled = 已取消，什么都没有记录。
acct-use-buttons = 请按上面的按钮选择，或发送 /cancel 取消。

# 冲正
acct-reverse-usage = 用法：/reverse 账目编号 原因，例如 /reverse 12 金额记错了。也可以直接写“冲正 12 金额记错了”。
acct-ask-reverse-reason = 冲正 #{ $id }：请写明原因。
acct-reversal-recorded = 已记录冲正 #{ $id }（冲正 #{ $original }），等待业委会或社区干部确认。
acct-file-caption = 凭证 · 账目 #{ $id }
acct-cmd-fundapproval = 登记业主大会批准的维修资金使用金额
acct-appr-usage = 用法：/fundapproval 表决编号 批准金额，例如 /fundapproval 3 120,000（表决须是业主大会就“使用维修资金”事项表决并已通过）；应急维修：/fundapproval 应急 8,000 原因；小额维修金：/fundapproval 小额 800 原因。
acct-appr-done = 已登记批准 #{ $id }：表决 #{ $poll } 批准使用维修资金 { $amount } 元。记账时可以引用它。
acct-appr-no-poll = 找不到表决 #{ $id }。
acct-appr-not-passed = 表决 #{ $id } 不是已经通过的业主大会“使用维修资金”表决，不能作为支出依据。
acct-appr-poll-used = 表决 #{ $id } 已经登记为批准 #{ $approval }，不能重复登记。
acct-appr-public =
    📢 维修资金使用批准 · { $compound }
    批准 #{ $id }：业主大会表决 #{ $poll }“{ $question }”已通过，批准金额 { $amount } 元。
acct-err-not-approver = 只有业委会成员或社区干部可以登记维修资金的批准，什么都没有改变。
acct-err-not-proposer = 只有业委会成员可以提出应急或小额维修的用款申请，什么都没有改变。
acct-err-own-proposal = 提出申请的人不能自己批准，需要社区干部批准。
acct-err-not-office = 只有社区干部可以批准或不批准应急维修的用款申请，什么都没有改变。
acct-em-gone = 这份用款申请不存在。
acct-em-decided = 这份用款申请已经处理过了。
acct-em-card =
    🚨 应急/小额维修用款申请 #{ $id } · { $compound }
    { $kind }：{ $amount } 元
    原因：{ $reason }
    申请：{ $proposer }（业委会）
    批准后，物业财务记账时可以引用这份批准。
acct-btn-approve = ✅ 批准
acct-btn-refuse = ❌ 不批准
acct-em-approved = ✅ 已批准，批准 #{ $approval }
acct-em-refused = ❌ 未批准
acct-em-decided-notice = 您的用款申请 #{ $id }：{ $outcome }（{ $officer }）。
acct-em-proposed = 已提交用款申请 #{ $id }，等待社区干部批准。
acct-review-closed =
    🧾 账目 · { $compound }
    { $card }
    记账：{ $recorder }
    { $state }
acct-btn-details = 🔍 详情与凭证
acct-cmd-category = 查看或添加账目类别（如 充电桩）
acct-category-added = 已在“{ $kind }”下添加类别“{ $name }”，记账时可以直接选。
acct-category-line = { $kind }：{ $names }
acct-categories =
    { $compound } 的账目类别：
    { $lines }
    添加：/category 账户 名称，例如 /category 公共收益 充电桩。
acct-cmd-ceiling = 查看或设置单笔金额上限（管理员）
acct-ceiling-now = { $compound } 的单笔金额上限：{ $ceiling } 元。设置：/ceiling 500,000。
acct-ceiling-set = { $compound } 的单笔金额上限已从 { $before } 元改为 { $ceiling } 元。
acct-vote-spent = 依据本次表决（批准 #{ $approval }，批准金额 { $approved } 元）的支出已公开：#{ $id } { $amount } 元，{ $purpose }
acct-statement =
    📒 明白账 · { $compound } · { $kind } · { $period }
    期初余额：{ $opening } 元
    收入 { $income_total } 元：
    { $income }
    支出 { $spending_total } 元：
    { $spending }
    期末余额：{ $closing } 元
    最大的几笔：
    { $largest }
    这份账单发出后不会修改；之后的更正会出现在下一期。
acct-stmt-line = · { $category }：{ $amount } 元
acct-stmt-entry = · #{ $id } { $date } { $sign }{ $amount } 元 { $purpose }
acct-stmt-year = { $year }年
acct-stmt-chart = { $kind } · { $period }：按类别的收入与支出，近十二个月的余额
acct-stmt-chart-in = 收入
acct-stmt-chart-out = 支出
acct-stmt-chart-by-category = 本期按类别的收入与支出（元）
acct-stmt-chart-balance = 近十二个月的月末余额（元）
acct-cmd-csv = 导出全部账目（CSV，Excel 可打开；加 gbk 给旧版 Excel）
acct-csv-caption = “{ $compound }”全部账目（{ $encoding }），含待确认和已驳回的记录。
