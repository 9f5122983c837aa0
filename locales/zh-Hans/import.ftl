# 住户名册导入（/import 和命令行 import-households）
import-cmd = 导入住户名册（CSV）
import-private-only = 导入住户名册请私聊我，发送 /import。
import-prompt =
    好的，我们来导入“{ $compound }”的住户名册。
    请把表格另存为 CSV 文件，再以“文件”的形式发给我。
    表格第一行是表头，需要有这几列：
    · 楼栋、单元、房号、面积（平方米）
    · 可以再加：业主姓名、电话、开发商未售/未交付（开发商尚未出售或尚未交付的房屋填“是”）
    文件不要超过 { $limit } MB。我会先检查一遍，您确认后才会导入。
import-send-file = 请把 CSV 表格以“文件”的形式发给我（点回形针 📎，选择“文件”）。不想导入了，发送 /import 重新开始即可。

import-file-too-big = 这个文件太大了，我只能接收 { $limit } MB 以内的文件。请把表格分成几份，分别发给我。
import-file-not-text = 这个文件我读不了。请在 Excel 或 WPS 里选择“另存为”，格式选“CSV（逗号分隔）”，再把新文件发给我。
import-file-empty = 这个文件是空的，里面没有内容。
import-file-no-rows = 这个文件只有表头，没有住户数据。
import-file-missing-columns =
    这个文件缺少必需的列：
    { $missing }
    我在第一行看到的是：{ $found }
    请在表格第一行写上“楼栋、单元、房号、面积”，再发给我。整个文件都没有导入。
import-missing-item = · { $name }

import-col-building = 楼栋
import-col-entrance = 单元
import-col-room = 房号
import-col-area-m2 = 面积
import-col-owner-name = 业主姓名
import-col-phone = 电话
import-col-developer = 开发商未售/未交付

import-reason-empty = { $field }没有填
import-reason-too-long = { $field }太长了（最多 { $max } 个字）
import-reason-area-nan = 面积“{ $value }”不是数字
import-reason-area-nonpositive = 面积“{ $value }”必须大于 0
import-reason-area-absurd = 面积“{ $value }”太大了，请核对（不能超过 10000 平方米）
import-reason-area-decimals = 面积“{ $value }”最多只能有两位小数
import-reason-phone-invalid = 电话“{ $value }”好像不对，请核对
import-reason-developer-invalid = 开发商未售/未交付“{ $value }”看不懂，请填“是”或“否”，不知道就留空
import-reason-duplicate = 和第 { $lines } 行是同一户（楼栋、单元、房号都相同），请只保留一行

import-report-title =
    住户名册检查结果：{ $compound }
    共 { $total } 行数据。
import-report-accepted = ✅ 可以导入 { $accepted } 行：新增 { $new } 户，更新 { $updated } 户，{ $unchanged } 户没有变化。
import-report-rejected = ❌ 有 { $count } 行不能导入：
import-report-line = 第 { $line } 行：{ $reason }
import-report-more = ……还有 { $count } 条，完整清单见下面的文件。
import-report-confirm = 请核对一下。点“确认导入”后才会写入，有问题的行不会导入；点“取消”则什么都不改。
import-report-nothing = 和现有名册相比没有需要改动的地方，这次不用导入。
import-btn-apply = 确认导入
import-btn-cancel = 取消
import-rejections-caption = 不能导入的 { $count } 行完整清单，改好后可以再发给我。
import-csv-line = 行号
import-csv-reason = 原因

import-applied = 导入完成：新增 { $new } 户，更新 { $updated } 户，{ $unchanged } 户没有变化。
import-cancelled = 已取消，名册没有任何改动。
import-expired = 这次导入已经处理过或已失效。如需导入，请重新发送 /import。
import-not-yours = 只有上传这份名册的管理员才能确认。
import-cli-dry-run = 试运行：没有写入任何数据。
import-cli-not-applied = 有不能导入的行，所以这次什么都没有导入。改好后重新导入，或加上 --accept-partial 只导入没问题的行。
