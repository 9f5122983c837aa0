# 志愿服务积分、积分规则、积分兑换与兑换券

pt-cmd-points = 我的积分
pt-cmd-award = 给居民加分或扣分
pt-cmd-pointrules = 积分规则和设置
pt-cmd-ledger = 积分明白账
rw-cmd-rewards = 积分兑换
rw-cmd-redeem = 核销兑换券
rw-cmd-addreward = 上架兑换项目
rw-cmd-merchants = 合作商家

## /points
pt-overview = 「{ $compound }」的志愿服务积分
    现有积分：{ $balance } 分
    本月获得：{ $month } 分

    最近记录：
    { $history }
pt-open-vouchers = 🎫 您有 { $count } 张未使用的兑换券，发送 /rewards 查看。
pt-history-empty = 还没有积分记录。参加志愿活动就能得积分，发送 /activities 看看吧。
pt-history-line = { $date } { $amount } { $what }
pt-kind-award = { $memo }
pt-kind-deduct = 扣分：{ $memo }
pt-kind-redeem = 兑换：{ $memo }
pt-kind-settle = 核销：{ $memo }
pt-kind-reversal = 更正：{ $memo }
pt-kind-refund = 退回：{ $memo }
pt-btn-top = 本月积分榜
pt-btn-hide = 不在积分榜上显示我
pt-btn-show = 在积分榜上显示我
pt-btn-back = 返回
pt-hide-done = 好的，积分榜上不再显示您。
pt-show-done = 好的，积分榜上会显示您。
pt-top = 「{ $compound }」本月志愿服务积分榜：
    { $lines }

    { $mine }
pt-top-line = 第 { $rank } 名 { $name }：{ $points } 分
pt-top-empty = 本月还没有人获得积分。
pt-top-you = 您本月排第 { $rank } 名，继续加油！
pt-top-you-absent = 您本月还没有上榜，参加一次活动试试吧。
pt-top-you-hidden = 您选择了不在积分榜上显示。
pt-top-off = 本小区没有开启积分榜。
pt-no-compound = 您还没有登记住址，也还没有积分。请先发送 /register 登记。
pt-private-only = 积分和兑换是个人的事，请私聊我查看哦。
pt-note-awarded = 您获得了 { $amount } 积分（{ $reason }），现在共有 { $balance } 分。
pt-note-deducted = 您被扣除了 { $amount } 积分（{ $reason }），现在共有 { $balance } 分。如有疑问请联系小区管理员。

## /award
pt-award-usage = 用法：
    /award @用户名 2 帮忙搬运物资 —— 加 2 分并写明原因
    /award @用户名 扣 2 重复记分更正 —— 扣 2 分（也可以写 -2）
    /award @用户名 主题日 —— 发放每月固定项目（每人每月一次，代号见 /pointrules）
pt-words-award = 加 / 扣
pt-award-unknown = 没看懂「{ $word }」，没有记分。@用户名 后面请写积分数和原因（数字前可以写 { $sign }，例如：扣 2 重复记分更正），或者每月固定项目的代号：{ $codes }
pt-award-no-monthly = 还没有（可以用 /pointrules 设置 代号 每月 积分 名称 添加）
pt-awarded = 已给 { $name } 加 { $amount } 分，对方现有 { $balance } 分。
pt-deducted = 已扣除 { $name } { $amount } 分，对方现有 { $balance } 分。
pt-award-repeat = 这笔积分已经记过了，没有重复记。{ $name } 现有 { $balance } 分。
pt-award-again-ask = { $minutes } 分钟前刚给 { $name } 记过同样的 { $amount } 分（{ $reason }）。再发一次？
pt-award-again-yes = 再发一次
pt-award-again-no = 不用了
pt-award-again-dropped = 好的，没有再记。

## /pointrules
pt-rules = 「{ $compound }」的积分规则：
    { $rules }

    未到场 { $noshow } 次后需组织者确认报名；兑换券有效期 { $days } 天；积分榜：{ $board }
pt-rules-none = 还没有规则。
pt-rule-line = { $code } · { $name }：{ $basis } { $points } 分
pt-basis-attend = 每次活动
pt-basis-hour = 每小时
pt-basis-month = 每月一次
pt-on = 开启
pt-off = 关闭
pt-rules-usage = 修改方法（写中文或英文都可以）：
    /pointrules 设置 护学岗 每次 2 党员护学岗
    /pointrules 设置 清扫 每小时 1 环境清扫
    /pointrules 设置 主题日 每月 2 党员主题日
    /pointrules 停用 规则代号
    /pointrules 缺席 3 —— 未到场几次后报名要组织者确认
    /pointrules 券有效期 30 —— 兑换券有效天数
    /pointrules 排行榜 开启 或 关闭
    常用的也可以直接点下面的按钮。
pt-rules-unknown = 没看懂「{ $word }」，什么也没有改。/pointrules 后面可以写：{ $words }（英文 set、off、noshow、voucherdays、leaderboard 也可以）。
pt-rules-bad-basis = 没看懂计分方式「{ $word }」，什么也没有改。计分方式可以写：{ $words }。
pt-rules-bad-switch = 没看懂「{ $word }」，什么也没有改。排行榜后面可以写：{ $words }。
pt-rules-usage-set = 请这样写：/pointrules 设置 代号 计分方式 积分 名称
    例如：/pointrules 设置 护学岗 每次 2 党员护学岗（代号可以用中文）
pt-rules-usage-off = 请写上要停用的规则代号，例如：/pointrules 停用 护学岗
pt-rules-usage-noshow = 请写一个数字，例如：/pointrules 缺席 3
pt-rules-usage-voucherdays = 请写天数，例如：/pointrules 券有效期 30
pt-rules-usage-leaderboard = 请写开启或关闭，例如：/pointrules 排行榜 开启
pt-words-pointrules = 设置 / 停用 / 缺席 / 券有效期 / 排行榜
pt-words-basis = 每次 / 每小时 / 每月
pt-words-switch = 开启 / 关闭
pt-rules-btn-add = ➕ 新增规则
pt-rules-btn-stop = ⏸ 停用规则
pt-rules-btn-board-on = 开启积分榜
pt-rules-btn-board-off = 关闭积分榜
pt-rules-btn-noshow = 缺席次数上限
pt-rules-btn-days = 兑换券有效期
pt-rw-ask-name = 新增一条积分规则。请发送规则名称，例如：党员护学岗
    名称也用作规则代号（发放积分和选活动类别时用）。随时发送 /cancel 可以放弃。
    想用简短的代号，可以一句话发送：/pointrules 设置 护学岗 每次 2 党员护学岗
pt-rw-ask-basis = 「{ $name }」怎么计分？
pt-rw-ask-points-attend = 参加一次活动得多少分？点一个数字，或者直接发送（1 到 1000）。
pt-rw-ask-points-hour = 每小时得多少分？点一个数字，或者直接发送（1 到 1000）。
pt-rw-ask-points-month = 每人每月发多少分？点一个数字，或者直接发送（1 到 1000）。
pt-rw-dropped = 好的，没有新增规则。
pt-rules-stop-item = { $name }（{ $code }）
pt-rules-pick-stop = 要停用哪条规则？已经发出的积分不受影响。
pt-rules-pick-noshow = 未到场几次以后，报名要组织者确认？
pt-rules-pick-voucherdays = 兑换券有效多少天？

## /ledger
pt-ledger = 「{ $compound }」积分明白账：
    累计发出（减去收回）：{ $issued } 分
    居民手中：{ $wallets } 分
    未使用的兑换券：{ $vouchers } 分
    合作商家已核销：{ $merchants } 分
    { $check }
pt-ledger-ok = ✅ 账目核对无误：每笔记录收支相抵，余额与流水一致。
pt-ledger-problems = ⚠️ 发现 { $count } 处账目不一致，请联系技术人员。

## /rewards
rw-catalogue = 「{ $compound }」积分兑换（您现有 { $balance } 分），点一下查看：
rw-catalogue-empty = 「{ $compound }」还没有上架兑换项目（您现有 { $balance } 分）。
rw-item = { $title } · { $cost } 分
rw-btn-mine = 我的兑换券
rw-btn-back = 返回
rw-btn-buy = 用 { $cost } 分兑换
rw-stock-any = 不限量
rw-stock = 还剩 { $count } 份
rw-where-office = 物业服务中心
rw-detail = { $title }
    需要：{ $cost } 分
    数量：{ $stock }
    兑换地点：{ $where }
    您现有：{ $balance } 分
rw-redeemed = 兑换成功！您现在还有 { $balance } 分。兑换券在下面，使用时出示给商家或物业就行。
rw-already = 这次兑换已经办好了，兑换券在下面的消息里。
rw-voucher = 🎫 兑换券：{ $title }（{ $cost } 分）
    券码：{ $code }
    有效期至：{ $expires }
    请出示二维码或券码，由商家或物业核销。每张券只能用一次，过期未用会自动退回积分。
rw-mine = 您未使用的兑换券，点一下重新显示二维码：
rw-mine-empty = 您没有未使用的兑换券。
rw-mine-item = { $title }（有效期至 { $expires }）

## 核销（/redeem）
rw-redeem-usage = 请在 /redeem 后面写上券码，例如：/redeem ABCDE-FGH23。也可以直接扫兑换券上的二维码。
rw-confirm-ask = 请核对兑换券：
    项目：{ $title }（{ $cost } 分）
    持券人：{ $holder }
    券码：{ $code }
    有效期至：{ $expires }
    确认提供服务后，请点“确认核销”。
rw-btn-confirm = 确认核销
rw-confirmed = ✅ 已核销：{ $title }（持券人 { $holder }，券码 { $code }）。
rw-note-used = 您的兑换券「{ $title }」（{ $code }）已经使用，谢谢！
rw-note-expired = 您的兑换券「{ $title }」已过期，{ $points } 积分已退回您的账户。

## 管理：上架和商家
rw-add-usage = 用法：/addreward 积分 数量 [#商家编号] 名称
    例如：/addreward 20 10 停车券一张
    数量不限写 -，例如：/addreward 50 - 物业费减免 5 元
    下架：/addreward off 项目编号
rw-added = 已上架：{ $title }，{ $cost } 分，{ $stock }。
rw-withdrawn = 已下架：{ $title }。已发出的兑换券仍然有效。
rw-merchants = 「{ $compound }」的合作商家：
    { $lines }
rw-merchants-none = 还没有合作商家。
rw-merchant-line = #{ $id } { $name }（核销人：{ $contact }）
rw-merchants-usage = 添加商家：/merchants add 商家名称 @核销人用户名

## 不能办理的原因
rw-err-merchant-name = 商家名称需要填写，且不超过 64 个字。
rw-err-merchant-exists = 已经有同名的商家了。
rw-err-title = 兑换项目名称需要填写，且不超过 60 个字。
rw-err-cost = 所需积分要在 1 到 100000 之间。
rw-err-stock = 数量要在 0 到 100000 之间。
rw-err-no-merchant = 没有这个商家编号，发送 /merchants 查看。
rw-err-no-reward = 这个兑换项目已经下架了。
rw-err-not-allowed = 抱歉，您没有这项权限。
rw-err-sold-out = 这个项目已经兑换完了，下次早点来哦。
rw-err-not-enough = 积分不够：需要 { $cost } 分，您现有 { $balance } 分。多参加志愿活动就能攒够啦。
rw-err-no-voucher = 没有这个券码，请核对后再试。
rw-err-own-voucher = 这是您自己的兑换券。请把二维码或券码出示给商家或物业，由他们核销。
rw-err-not-yours = 您不能核销这张兑换券。只有对应的商家或物业工作人员可以核销。
rw-err-used = 这张兑换券已经用过了，不能重复使用。
rw-err-expired = 这张兑换券已经过期了，积分已退回持券人。
