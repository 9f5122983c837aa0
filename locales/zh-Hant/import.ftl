# 住戶名冊匯入（/import 和命令列 import-households）
import-cmd = 匯入住戶名冊（CSV）
import-private-only = 匯入住戶名冊請私訊我，傳送 /import。
import-prompt =
    好的，我們來匯入「{ $compound }」的住戶名冊。
    請把表格另存為 CSV 檔案，再以「檔案」的形式傳給我。
    表格第一列是標題，需要有這幾欄：
    · 樓棟、單元、房號、面積（平方公尺）
    · 可以再加：業主姓名、電話、開發商未售/未交付（開發商尚未出售或尚未交付的房屋填「是」）
    檔案不要超過 { $limit } MB。我會先檢查一遍，您確認後才會匯入。
import-send-file = 請把 CSV 表格以「檔案」的形式傳給我（點迴紋針 📎，選擇「檔案」）。不想匯入了，傳送 /import 重新開始即可。

import-file-too-big = 這個檔案太大了，我只能接收 { $limit } MB 以內的檔案。請把表格分成幾份，分別傳給我。
import-file-not-text = 這個檔案我讀不了。請在 Excel 裡選擇「另存新檔」，格式選「CSV（逗號分隔）」，再把新檔案傳給我。
import-file-empty = 這個檔案是空的，裡面沒有內容。
import-file-no-rows = 這個檔案只有標題，沒有住戶資料。
import-file-missing-columns =
    這個檔案缺少必要的欄位：
    { $missing }
    我在第一列看到的是：{ $found }
    請在表格第一列寫上「樓棟、單元、房號、面積」，再傳給我。整個檔案都沒有匯入。
import-missing-item = · { $name }

import-col-building = 樓棟
import-col-entrance = 單元
import-col-room = 房號
import-col-area-m2 = 面積
import-col-owner-name = 業主姓名
import-col-phone = 電話
import-col-developer = 開發商未售/未交付

import-reason-empty = { $field }沒有填
import-reason-too-long = { $field }太長了（最多 { $max } 個字）
import-reason-area-nan = 面積「{ $value }」不是數字
import-reason-area-nonpositive = 面積「{ $value }」必須大於 0
import-reason-area-absurd = 面積「{ $value }」太大了，請核對（不能超過 10000 平方公尺）
import-reason-area-decimals = 面積「{ $value }」最多只能有兩位小數
import-reason-phone-invalid = 電話「{ $value }」好像不對，請核對
import-reason-developer-invalid = 開發商未售/未交付「{ $value }」看不懂，請填「是」或「否」，不知道就留空
import-reason-duplicate = 和第 { $lines } 列是同一戶（樓棟、單元、房號都相同），請只保留一列

import-report-title =
    住戶名冊檢查結果：{ $compound }
    共 { $total } 列資料。
import-report-accepted = ✅ 可以匯入 { $accepted } 列：新增 { $new } 戶，更新 { $updated } 戶，{ $unchanged } 戶沒有變化。
import-report-rejected = ❌ 有 { $count } 列不能匯入：
import-report-line = 第 { $line } 列：{ $reason }
import-report-more = ……還有 { $count } 條，完整清單見下面的檔案。
import-report-confirm = 請核對一下。點「確認匯入」後才會寫入，有問題的列不會匯入；點「取消」則什麼都不改。
import-report-nothing = 和現有名冊相比沒有需要變更的地方，這次不用匯入。
import-btn-apply = 確認匯入
import-btn-cancel = 取消
import-rejections-caption = 不能匯入的 { $count } 列完整清單，改好後可以再傳給我。
import-csv-line = 列號
import-csv-reason = 原因

import-applied = 匯入完成：新增 { $new } 戶，更新 { $updated } 戶，{ $unchanged } 戶沒有變化。
import-cancelled = 已取消，名冊沒有任何變更。
import-expired = 這次匯入已經處理過或已失效。如需匯入，請重新傳送 /import。
import-not-yours = 只有上傳這份名冊的管理員才能確認。
import-cli-dry-run = 試執行：沒有寫入任何資料。
import-cli-not-applied = 有不能匯入的列，所以這次什麼都沒有匯入。改好後重新匯入，或加上 --accept-partial 只匯入沒問題的列。
