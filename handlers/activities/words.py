"""The words of /pointrules, /award and /activity, in English, 简体 and 繁體.

The first word of each language is what that language's help and refusals show; the
others are what organizers also type (synonyms, the other script, the English word).
"""

from __future__ import annotations

from handlers.aliases import Word, Words

# ---- /pointrules ------------------------------------------------------------------------
POINTRULES_ALIASES = Words(
    Word("set", en=("set", "add", "edit"), hans=("设置", "设定", "添加", "新增", "修改"),
         hant=("設置", "設定", "新增", "添加", "修改")),
    Word("off", en=("off", "remove", "disable", "stop"),
         hans=("停用", "删除", "关闭规则", "取消规则"),
         hant=("停用", "刪除", "關閉規則", "取消規則")),
    Word("noshow", en=("noshow", "no-show", "missed"),
         hans=("缺席", "未到场", "爽约", "缺席上限"),
         hant=("缺席", "未到場", "爽約", "缺席上限")),
    Word("voucherdays", en=("voucherdays", "voucher-days", "vouchers"),
         hans=("券有效期", "兑换券天数", "兑换券有效期", "有效期"),
         hant=("券有效期", "兌換券天數", "兌換券有效期", "有效期")),
    Word("leaderboard", en=("leaderboard", "board", "ranking"),
         hans=("排行榜", "积分榜"), hant=("排行榜", "積分榜")),
)

# How a rule counts: per activity attended, per hour, or a monthly item.
BASIS_ALIASES = Words(
    Word("attend", en=("attend", "each", "per-time"), hans=("每次", "按次", "次"),
         hant=("每次", "按次", "次")),
    Word("hour", en=("hour", "hourly", "per-hour"), hans=("每小时", "按小时", "小时"),
         hant=("每小時", "按小時", "小時", "每鐘頭")),
    Word("month", en=("month", "monthly", "per-month"), hans=("每月", "按月", "月", "每月一次"),
         hant=("每月", "按月", "月", "每月一次")),
)

SWITCH_ALIASES = Words(
    Word("on", en=("on", "yes", "show"), hans=("开启", "开", "打开", "显示"),
         hant=("開啟", "開", "打開", "顯示")),
    Word("off", en=("off", "no", "hide"), hans=("关闭", "关", "隐藏"),
         hant=("關閉", "關", "隱藏")),
)

# ---- /award -----------------------------------------------------------------------------
# An amount may be led by a word instead of a sign: "/award @li 扣 2 重复记分".
AWARD_SIGN_ALIASES = Words(
    Word("add", en=("add", "plus", "give"), hans=("加", "加分", "奖励"),
         hant=("加", "加分", "獎勵")),
    Word("deduct", en=("deduct", "minus", "take"), hans=("扣", "扣分", "扣除", "减"),
         hant=("扣", "扣分", "扣除", "減")),
)
# What may follow the number: "2分", "2 points".
POINT_UNITS_INPUT = ("分", "积分", "積分", "points", "point", "pts", "pt")

# ---- /activity --------------------------------------------------------------------------
ACTIVITY_ALIASES = Words(
    Word("new", en=("new", "create", "start"), hans=("新建", "发起", "新活动", "创建"),
         hant=("新建", "發起", "新活動", "建立")),
    Word("list", en=("list", "mine", "manage"), hans=("列表", "我的", "管理", "我的活动"),
         hant=("列表", "我的", "管理", "我的活動")),
)
# Typed answers that mean what a step's button means.
STEP_ALIASES = Words(
    Word("skip", en=("skip", "none", "-"), hans=("跳过", "无", "没有", "不写", "略过"),
         hant=("跳過", "無", "沒有", "不寫", "略過")),
    Word("default", en=("default", "usual"), hans=("默认", "默认时间", "用默认"),
         hant=("預設", "預設時間", "默認", "用預設")),
    Word("rule", en=("rule", "as-rules"), hans=("按规则", "规则"), hant=("按規則", "規則")),
)
# What may follow a number of people: "10人", "10 people".
PEOPLE_UNITS_INPUT = ("人", "名", "位", "个人", "個人", "people", "persons", "places")
