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
